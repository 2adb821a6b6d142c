package se.lots.shared.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;
import se.lots.shared.NotFoundException;

/** The pipeline's own steps, with an import kind and kept files that only say what was asked of them. */
class ImportPipelineTest {

    private static final Locale SV = Locale.forLanguageTag("sv");
    private static final byte[] FILE = "namn\nAnna\n".getBytes(StandardCharsets.UTF_8);
    private static final Refusals REFUSALS = new Refusals("test.import", "test.stale", "test.decided");

    private record Who(long userId, Long organisationId) implements Importer {
    }

    /** What the kind finds, and its preview: as the test sets it. */
    private static final class Found implements ImportChanges, Preview {
        boolean canConfirm = true;
        String digest = "abc";

        @Override
        public Preview preview() {
            return this;
        }

        @Override
        public boolean canConfirm() {
            return canConfirm;
        }

        @Override
        public String digest() {
            return digest;
        }

        @Override
        public int rowCount() {
            return 1;
        }
    }

    private final List<String> steps = new ArrayList<>();
    private final List<String> progress = new ArrayList<>();
    private final Found found = new Found();

    private final ImportKind<Who, Found, String> kind = new ImportKind<>() {
        @Override
        public Found changes(Who who, KeptFile file, Locale locale, Progress p) {
            steps.add("changes " + file.fileName());
            return found;
        }

        @Override
        public RuntimeException refusal(UUID importId, Found changes) {
            steps.add("refused");
            return new InvalidInputException("file", "test.hasErrors");
        }

        @Override
        public void kept(Who who, KeptFile file, Found changes) {
            steps.add("kept");
        }

        @Override
        public void shown(Who who, KeptFile file, Found changes, Progress p) {
            steps.add("shown");
        }

        @Override
        public void apply(Who who, KeptFile file, Found changes, String decisions, Progress p) {
            steps.add("apply " + decisions);
        }
    };

    /** Kept in memory; a decided file stays findable only when {@code keepDecided} (as the catalogue's do). */
    private class Files implements KeptFiles<Found> {
        final Map<UUID, KeptFile> kept = new HashMap<>();
        final Set<UUID> decided = new HashSet<>();
        boolean keepDecided;

        @Override
        public UUID keep(Importer who, String fileName, byte[] content, String sha256) {
            steps.add("keep " + fileName);
            UUID id = UUID.randomUUID();
            kept.put(id, new KeptFile(id, who.organisationId(), fileName, content, false));
            return id;
        }

        @Override
        public Optional<KeptFile> find(UUID id) {
            KeptFile f = kept.get(id);
            if (f == null || decided.contains(id) && !keepDecided) {
                return Optional.empty();
            }
            return Optional.of(new KeptFile(f.id(), f.organisationId(), f.fileName(), f.content(),
                    decided.contains(id)));
        }

        @Override
        public void counts(UUID id, Found changes) {
            steps.add("counts");
        }

        @Override
        public boolean confirm(UUID id, Found changes, long userId) {
            steps.add("confirm");
            return decided.add(id);
        }

        @Override
        public boolean discard(UUID id) {
            steps.add("discard");
            return decided.add(id);
        }
    }

    private final Files files = new Files();
    private final Progress tracked = new Progress((phase, done, total) -> progress.add(phase + " " + done + "/"
            + total), "test.progress");

    private ImportPipeline<Who, Found, String> pipeline() {
        return new ImportPipeline<>(kind, files, "lista.csv", REFUSALS);
    }

    private static final Who KAA = new Who(7, 100L);
    private static final Who OTHER = new Who(8, 200L);

    private UUID uploaded() {
        pipeline().upload(KAA, "lista.csv", FILE, SV, Progress.NONE);
        steps.clear();
        return files.kept.keySet().iterator().next();
    }

    @Test
    void anUploadIsKeptThenCountedThenShownAndTheProgressEndsDone() {
        Found changes = pipeline().upload(KAA, "vt.csv", FILE, SV, tracked);

        assertThat(changes).isSameAs(found);
        assertThat(steps).containsExactly("keep vt.csv", "changes vt.csv", "counts", "kept", "shown");
        assertThat(progress).containsExactly("test.progress.done 1/1");
        assertThat(files.kept.values()).singleElement().satisfies(f -> {
            assertThat(f.organisationId()).isEqualTo(100L);
            assertThat(f.content()).isEqualTo(FILE);
        });
    }

    @Test
    void aFileWithoutANameGetsTheImportsNameAndANameIsStripped() {
        pipeline().upload(KAA, null, FILE, SV, Progress.NONE);
        pipeline().upload(KAA, "  ", FILE, SV, Progress.NONE);
        pipeline().upload(KAA, " ht.csv ", FILE, SV, Progress.NONE);

        assertThat(steps).filteredOn(s -> s.startsWith("keep")).containsExactly("keep lista.csv", "keep lista.csv",
                "keep ht.csv");
    }

    @Test
    void aFileOverTheLimitIsRefusedOnTheFileBeforeAnythingIsKept() {
        byte[] large = new byte[ImportPipeline.MAX_BYTES + 1];

        assertThatThrownBy(() -> pipeline().upload(KAA, "stor.csv", large, SV, Progress.NONE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(f -> {
                            assertThat(f.field()).isEqualTo("file");
                            assertThat(f.messageKey()).isEqualTo("file.tooLarge");
                            assertThat(f.arguments()).containsExactly(50);
                        }));
        assertThat(steps).isEmpty();
    }

    @Test
    void aPreviewShowsTheChangesAgainWithoutCountingThem() {
        UUID id = uploaded();

        pipeline().preview(KAA, id, SV);

        assertThat(steps).containsExactly("changes lista.csv", "shown");
    }

    @Test
    void aConfirmationWritesWithTheUsersDecisionsThenMarksTheFileConfirmed() {
        UUID id = uploaded();

        pipeline().confirm(KAA, id, "abc", "behåll", SV, tracked);

        assertThat(steps).containsExactly("changes lista.csv", "apply behåll", "confirm");
        assertThat(progress).containsExactly("test.progress.done 1/1");
    }

    @Test
    void aFileWithErrorsIsRefusedAsItsKindSaysAndNothingIsWritten() {
        UUID id = uploaded();
        found.canConfirm = false;

        assertThatThrownBy(() -> pipeline().confirm(KAA, id, "abc", null, SV, Progress.NONE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(f -> assertThat(f.messageKey()).isEqualTo("test.hasErrors")));
        assertThat(steps).containsExactly("changes lista.csv", "refused");
    }

    @Test
    void aConfirmationOfChangesOtherThanThoseShownIsAConflictAndNothingIsWritten() {
        UUID id = uploaded();
        found.digest = "def";

        assertThatThrownBy(() -> pipeline().confirm(KAA, id, "abc", null, SV, Progress.NONE))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("test.stale"));
        assertThat(steps).containsExactly("changes lista.csv");
    }

    @Test
    void aFileConfirmedAlreadyIsAConflictWhetherItIsKeptOrGone() {
        UUID id = uploaded();
        pipeline().confirm(KAA, id, "abc", null, SV, Progress.NONE);
        steps.clear();

        assertThatThrownBy(() -> pipeline().confirm(KAA, id, "abc", null, SV, Progress.NONE))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("test.import");
        files.keepDecided = true;
        assertThatThrownBy(() -> pipeline().confirm(KAA, id, "abc", null, SV, Progress.NONE))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("test.decided"));
        assertThat(steps).isEmpty();
    }

    @Test
    void aSecondClickThatFindsTheFileConfirmedMeanwhileIsAConflict() {
        UUID id = uploaded();
        var stillPreviewed = new KeptFile(id, 100L, "lista.csv", FILE, false);
        var racing = new ImportPipeline<>(kind, new Files() {
            @Override
            public Optional<KeptFile> find(UUID fileId) {
                return Optional.of(stillPreviewed);
            }

            @Override
            public boolean confirm(UUID fileId, Found changes, long userId) {
                return false;
            }
        }, "lista.csv", REFUSALS);

        assertThatThrownBy(() -> racing.confirm(KAA, id, "abc", null, SV, Progress.NONE))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("test.decided"));
    }

    @Test
    void anotherOrganisationsFileIsNeitherShownConfirmedNorDiscarded() {
        UUID id = uploaded();

        assertThatThrownBy(() -> pipeline().preview(OTHER, id, SV))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> pipeline().confirm(OTHER, id, "abc", null, SV, Progress.NONE))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> pipeline().discard(OTHER, id)).isInstanceOf(AccessDeniedException.class);
        assertThat(steps).isEmpty();
    }

    @Test
    void aFileThatIsNoOrganisationsIsEveryImportersOwn() {
        var everyones = new Who(9, null);
        pipeline().upload(everyones, "katalog.xlsx", FILE, SV, Progress.NONE);
        UUID id = files.kept.keySet().iterator().next();

        assertThat(pipeline().preview(new Who(10, null), id, SV)).isSameAs(found);
    }

    @Test
    void aDiscardedFileCannotBeConfirmed() {
        UUID id = uploaded();

        pipeline().discard(KAA, id);

        assertThat(steps).containsExactly("discard");
        assertThatThrownBy(() -> pipeline().confirm(KAA, id, "abc", null, SV, Progress.NONE))
                .isInstanceOf(NotFoundException.class);
    }
}
