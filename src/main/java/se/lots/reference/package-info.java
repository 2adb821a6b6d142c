/** Reference data: SCB's municipality and county codes. */
@org.springframework.modulith.ApplicationModule(displayName = "Reference data",
        allowedDependencies = {})
package se.lots.reference;
