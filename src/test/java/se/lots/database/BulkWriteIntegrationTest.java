package se.lots.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import se.lots.IntegrationTest;

@IntegrationTest
class BulkWriteIntegrationTest {

    @Autowired
    BulkWrite bulkWrite;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    private String planCacheMode() {
        return jdbc.sql("SELECT current_setting('plan_cache_mode')").query(String.class).single();
    }

    @Test
    void aBulkWriteKeepsPlansForItsOwnTransactionOnlyAndTheConnectionGoesBackToCustomPlans() {
        String inside = transactions.execute(status -> {
            // not yet: the application's connections
            String before = planCacheMode();
            assertThat(before).isEqualTo("force_custom_plan");
            bulkWrite.begin();
            return planCacheMode();
        });

        assertThat(inside).isEqualTo("auto");
        // the pool hands out the same few connections: none of them may keep the setting for the name search
        for (int i = 0; i < 30; i++) {
            String after = transactions.execute(status -> planCacheMode());
            assertThat(after).isEqualTo("force_custom_plan");
        }
    }

    @Test
    void outsideATransactionItIsRefused() {
        // SET LOCAL outside a transaction would do nothing, silently
        assertThatThrownBy(bulkWrite::begin).isInstanceOf(IllegalTransactionStateException.class);
    }
}
