package se.lots.consent;

/**
 * The provision of offentlighets- och sekretesslagen that lets one line of work of an organisation disclose a young
 * person's record to another line of the same organisation (between which secrecy applies, 8 kap. 2 §, or between
 * nämnder, 8 kap. 1 §). Cited in the audit log of every read it opens ({@link #basis()}).
 */
public enum DisclosureProvision {
    /** 12 kap. 2 §: the young person lifts the secrecy that protects them (samtycke) */
    SAMTYCKE("OSL 12 kap. 2 §"),
    /** 10 kap. 2 §: the disclosure is necessary for the disclosing line to do its own work */
    NODVANDIGT_FOR_VERKSAMHETEN("OSL 10 kap. 2 §"),
    /** 10 kap. 28 §: a law or förordning obliges the disclosure (uppgiftsskyldighet) */
    UPPGIFTSSKYLDIGHET("OSL 10 kap. 28 §");

    private final String provision;

    DisclosureProvision(String provision) {
        this.provision = provision;
    }

    /** The provision as it is cited: "OSL 10 kap. 2 §". */
    public String provision() {
        return provision;
    }

    /** The audit log's access basis for a read the disclosure opens: UTLAMNANDE_SAMTYCKE, … */
    public String basis() {
        return "UTLAMNANDE_" + name();
    }
}
