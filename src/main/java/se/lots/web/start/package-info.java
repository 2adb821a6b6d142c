/**
 * The start page's extension point: a module that has something for a user to do today contributes a
 * {@link se.lots.web.start.StartPanel} bean, and the start page shows the panels the user gets, in order. The module
 * keeps its own data and its own template; the web module only lays the panels out.
 */
@org.springframework.modulith.NamedInterface("start")
package se.lots.web.start;
