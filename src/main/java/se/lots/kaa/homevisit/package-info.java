/** KAA home-visit days: who goes, the route by postal area, the route sheet, and the outcome of each visit. */
@org.springframework.modulith.NamedInterface("homevisit") // its services, for the demo
package se.lots.kaa.homevisit;
