/** KAA home-visit days: who goes, the route by postal area, the route sheet, and the outcome of each visit. */
package se.lots.kaa.homevisit;
