package se.lots.progression.registration;

import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SUS reference data (occupation, source of income, education level) with labels in the user's language. */
@Repository
public class Categories {

    private final JdbcClient jdbc;

    Categories(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Category> occupations(Locale locale) {
        String lang = english(locale) ? "en" : "sv";
        return jdbc.sql("SELECT code, label_" + lang + " AS label, help_" + lang
                + " AS help FROM occupation_category ORDER BY sort_order")
                .query((rs, n) -> new Category(rs.getString("code"), rs.getString("label"), rs.getString("help")))
                .list();
    }

    public List<Category> incomeSources(Locale locale) {
        return simple("income_source_category", locale);
    }

    public List<Category> educationLevels(Locale locale) {
        return simple("education_level_category", locale);
    }

    private List<Category> simple(String table, Locale locale) {
        String lang = english(locale) ? "en" : "sv";
        return jdbc.sql("SELECT code, label_" + lang + " AS label FROM " + table + " ORDER BY sort_order")
                .query((rs, n) -> new Category(rs.getString("code"), rs.getString("label"), null)).list();
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
