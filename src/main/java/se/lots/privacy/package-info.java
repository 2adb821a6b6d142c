/**
 * Integritet: the register extract (registerutdrag, GDPR art. 15) as a tracked case, and the extension point every
 * module that holds personal data implements ({@link se.lots.privacy.PersonalDataHolder}), so that an extract (and
 * later retention and erasure) covers every register without this module reading another module's tables. The
 * registry provides the person ({@link se.lots.privacy.DataSubjects}); the case lives in {@code extract}, the
 * retention rules in {@code retention}, erasure on request (GDPR art. 17) in {@code erasure}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy",
        allowedDependencies = { "web :: start", "organisation", "security", "shared" })
package se.lots.privacy;
