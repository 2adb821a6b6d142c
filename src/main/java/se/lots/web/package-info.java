/** Web chrome: layout, language, start and login pages, and how errors reach users and API clients. */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package se.lots.web;
