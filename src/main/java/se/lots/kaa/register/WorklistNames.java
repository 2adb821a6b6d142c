package se.lots.kaa.register;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.lots.registry.PersonDetailsSaved;

/**
 * Keeps the worklist's sort key (kaa_episode.sort_name, migration V13) equal to the registry's name: the registry
 * tells in the transaction that saved a person, so the worklist never sorts by a name the registry no longer has.
 */
@Component
class WorklistNames {

    private final JdbcClient jdbc;

    WorklistNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(PersonDetailsSaved saved) {
        String sortName = saved.lastName() + "\t" + saved.firstName();
        jdbc.sql("UPDATE kaa_episode SET sort_name = ? WHERE person_id = ? AND sort_name IS DISTINCT FROM ?")
                .params(sortName, saved.personId(), sortName).update();
    }
}
