package se.lots.audit.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Publishes the log's head as a signed checkpoint every quarter of an hour (LOTS_AUDIT_CHECKPOINT_CRON). */
@Component
class CheckpointSchedule {

    private final Checkpoints checkpoints;

    CheckpointSchedule(Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Scheduled(cron = "${lots.audit.checkpoints.cron:0 */15 * * * *}", zone = "Europe/Stockholm")
    void onSchedule() {
        checkpoints.publish();
    }
}
