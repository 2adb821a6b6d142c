/** Reference data: SCB's municipality and county codes. */
@org.springframework.modulith.ApplicationModule(displayName = "Reference data",
        allowedDependencies = { "shared" })
package se.lots.reference;
