/** The audit log: every read and write of personal data, append-only and hash-chained (logguppföljning). */
@org.springframework.modulith.ApplicationModule(displayName = "Audit",
        allowedDependencies = { "web :: start", "organisation", "privacy", "security", "shared" })
package se.lots.audit;
