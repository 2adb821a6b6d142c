/**
 * KAA — kommunalt aktivitetsansvar (skollagen 29 kap. 9 §): the municipality's register of 16–19-year-olds outside
 * upper secondary school, their status, outreach (contact attempts, letters, home visits), measures and the
 * half-year figures. Only what förordning (2006:39) 4 § allows is kept here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "KAA & outreach")
package se.lots.kaa;
