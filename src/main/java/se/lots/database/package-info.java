/** Where Lots keeps its data: an embedded PostgreSQL by default, an external server when configured. */
@org.springframework.modulith.ApplicationModule(displayName = "Database",
        allowedDependencies = {})
package se.lots.database;
