package se.lots.kaa.homevisit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.lots.reference.PostalAreas;

class HomeVisitRouteTest {

    private final PostalAreas areas = new PostalAreas();

    private static HomeVisitStop stop(String name, String street, String postalCode, String city) {
        return new HomeVisitStop(UUID.randomUUID(), UUID.randomUUID(), name, name.split(" ")[0], false, street,
                postalCode, city, null, LocalDate.of(2008, 5, 1), 2008, null, null, null, null);
    }

    private static List<String> names(HomeVisitRoute.Group g) {
        return g.stops().stream().map(HomeVisitStop::name).toList();
    }

    @Test
    void visitsAreGroupedByPostortFromThePostalCodeWhateverTheAddressSaysTheTownIs() {
        var route = HomeVisitRoute.of(List.of(
                stop("Ekeby Ett", "Byvägen 1", "26775", "Bjuv"),
                stop("Bjuv Ett", "Storgatan 2", "267 31", "Bjuv"),
                stop("Billes Ett", "Storgatan 10", "267 71", "Bjuv"),
                stop("Svalöv Ett", "Bygatan 4", "268 31", "Svalöv")), areas::of);

        assertThat(route.groups()).extracting(HomeVisitRoute.Group::locality)
                .containsExactly("Bjuv", "Billesholm", "Ekeby", "Svalöv");
        assertThat(route.groups()).extracting(HomeVisitRoute.Group::municipalityName)
                .containsExactly("Bjuvs kommun", "Bjuvs kommun", "Bjuvs kommun", "Svalövs kommun");
    }

    @Test
    void withinAnAreaTheOrderIsPostalCodeThenStreetThenHouseNumberAsANumber() {
        var route = HomeVisitRoute.of(List.of(
                stop("A Tio", "Storgatan 10", "267 31", "Bjuv"),
                stop("B Två", "Storgatan 2", "267 31", "Bjuv"),
                stop("C Åker", "Åkervägen 1", "267 31", "Bjuv"),
                stop("D Bruk", "Bruksgatan 5", "267 31", "Bjuv"),
                stop("E Senare", "Allégatan 1", "267 40", "Bjuv"),
                stop("F Tvåb", "Storgatan 2 B", "267 31", "Bjuv")), areas::of);

        assertThat(route.groups()).hasSize(1);
        // Å sorts after S in Swedish; 2 before 10; 267 40 after every 267 31 even with an earlier street
        assertThat(names(route.groups().get(0)))
                .containsExactly("D Bruk", "B Två", "F Tvåb", "A Tio", "C Åker", "E Senare");
    }

    @Test
    void aPostalCodeMissingFromTheListGoesLastUnderTheAddressesOwnPostort() {
        var route = HomeVisitRoute.of(List.of(
                stop("Okänd Ort", "Ingenstans 1", "999 99", "Fjärran"),
                stop("Bjuv Ett", "Storgatan 2", "267 31", "Bjuv")), areas::of);

        assertThat(route.groups()).extracting(HomeVisitRoute.Group::locality).containsExactly("Bjuv", "Fjärran");
        assertThat(route.groups().get(1).municipalityName()).isNull();
    }

    @Test
    void aProtectedIdentityAndAPersonWithoutAddressAreRefusedWithTheReasonAndNeverInAGroup() {
        var hidden = new HomeVisitStop(UUID.randomUUID(), UUID.randomUUID(), "Skyddad Person", "Skyddad", true,
                null, null, null, null, null, 2008, null, null, null, null);
        var noStreet = stop("Utan Gata", null, "267 31", "Bjuv");
        var visited = stop("Bjuv Ett", "Storgatan 2", "267 31", "Bjuv");

        var route = HomeVisitRoute.of(List.of(hidden, noStreet, visited), areas::of);

        assertThat(route.stops()).extracting(HomeVisitStop::name).containsExactly("Bjuv Ett");
        assertThat(route.refused()).extracting(HomeVisitRoute.Refused::name, HomeVisitRoute.Refused::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Skyddad Person",
                        HomeVisitRoute.Refusal.PROTECTED_IDENTITY),
                        org.assertj.core.groups.Tuple.tuple("Utan Gata", HomeVisitRoute.Refusal.NO_ADDRESS));
    }

    @Test
    void aProtectedIdentityIsRefusedEvenIfAnAddressSomehowCameWithIt() {
        var leaked = new HomeVisitStop(UUID.randomUUID(), UUID.randomUUID(), "Skyddad Person", "Skyddad", true,
                "Hemligvägen 1", "267 31", "Bjuv", null, null, 2008, null, null, null, null);

        var route = HomeVisitRoute.of(List.of(leaked), areas::of);

        assertThat(route.groups()).isEmpty();
        assertThat(route.refused()).extracting(HomeVisitRoute.Refused::reason)
                .containsExactly(HomeVisitRoute.Refusal.PROTECTED_IDENTITY);
    }

    @Test
    void someoneTurning18OnTheDayOfTheVisitNeedsNoGuardianButTheDayBeforeDoes() {
        var s = new HomeVisitStop(UUID.randomUUID(), UUID.randomUUID(), "Ung Person", "Ung", false, "Storgatan 1",
                "267 31", "Bjuv", null, LocalDate.of(2009, 3, 15), 2009, null, null, null, null);

        assertThat(s.underEighteenOn(LocalDate.of(2027, 3, 14))).isTrue();
        assertThat(s.underEighteenOn(LocalDate.of(2027, 3, 15))).isFalse();
    }
}
