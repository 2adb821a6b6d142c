/** The audit log: every read and write of personal data, append-only and hash-chained (logguppföljning). */
@org.springframework.modulith.ApplicationModule(displayName = "Audit",
        allowedDependencies = { "organisation", "security", "shared" })
package se.lots.audit;
