package se.lots.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
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
    @Autowired
    @Qualifier("ownerDataSource")
    DataSource owner;

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

    @Test
    void aForeignKeyToAMunicipalityIsCheckedThroughTheIndexNotByReadingTheWholeTable() {
        // the statement PostgreSQL runs for every row that names a municipality (migration V36)
        String plan = String.join("\n", JdbcClient.create(owner)
                .sql("EXPLAIN SELECT 1 FROM ONLY municipality x WHERE code = '1480' FOR KEY SHARE OF x")
                .query(String.class).list());

        assertThat(plan).contains("Index Scan using municipality_pkey").doesNotContain("Seq Scan");
    }
}
