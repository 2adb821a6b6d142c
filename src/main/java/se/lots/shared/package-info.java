/** The shared kernel: errors every module raises and every controller renders, uploaded files, the import pipeline. */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN, allowedDependencies = {})
package se.lots.shared;
