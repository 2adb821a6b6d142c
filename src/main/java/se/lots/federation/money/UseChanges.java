package se.lots.federation.money;

import java.util.ArrayList;
import java.util.List;

import se.lots.shared.imports.ChangeDigest;
import se.lots.shared.imports.ImportChanges;

/** What confirming a file of use would write (found by {@link UseImport}), and its preview. */
final class UseChanges implements ImportChanges {

    /** A quarter to write; {@code version} of the stored figure it corrects, null for a new one. */
    record Write(long programmeId, int year, int quarter, java.math.BigDecimal amount, Integer version) {
    }

    final List<Write> writes = new ArrayList<>();
    final List<UsePreview.UseEntry> added = new ArrayList<>();
    final List<UsePreview.UseEntry> changed = new ArrayList<>();
    final List<UsePreview.AboveGrant> aboveGrant = new ArrayList<>();
    final ChangeDigest digest = new ChangeDigest();
    int unchanged;
    UsePreview preview;

    @Override
    public UsePreview preview() {
        return preview;
    }
}
