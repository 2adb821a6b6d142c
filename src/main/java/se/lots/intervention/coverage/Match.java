package se.lots.intervention.coverage;

import java.util.List;

import org.springframework.context.MessageSourceResolvable;

import se.lots.intervention.Need;
import se.lots.intervention.catalogue.Intervention;
import se.lots.intervention.catalogue.InterventionKind;

/**
 * An intervention that fits a young person (see {@link CoverageService#matchFor}), with the reasons why, each a
 * message key with its arguments: {@code messages.getMessage(reason, locale)} gives the Swedish text.
 */
public record Match(long interventionId, String name, InterventionKind kind, long providerId, String providerName,
        int ageMin, int ageMax, Integer capacity, Integer occupancy, Integer waitingDays, List<Need> matchedNeeds,
        List<Reason> reasons) {

    public Integer openPlaces() {
        return Intervention.openPlaces(capacity, occupancy);
    }

    public record Reason(String key, List<Object> args) implements MessageSourceResolvable {

        public Reason {
            args = List.copyOf(args);
        }

        static Reason of(String key, Object... args) {
            return new Reason(key, List.of(args));
        }

        @Override
        public String[] getCodes() {
            return new String[] { key };
        }

        @Override
        public Object[] getArguments() {
            return args.toArray();
        }

        @Override
        public String getDefaultMessage() {
            return key;
        }
    }
}
