/**
 * The KAA register itself: episodes in the target group, the status history, contact attempts, the coordinator's
 * worklist and its workbook, who turns 20, the columns and identities of a school's list, and who may work in the
 * register ({@link se.lots.kaa.register.KaaAccess}).
 */
@org.springframework.modulith.NamedInterface("register") // its services, for the demo
package se.lots.kaa.register;
