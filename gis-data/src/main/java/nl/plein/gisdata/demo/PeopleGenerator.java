package nl.plein.gisdata.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.plein.gisdata.demo.DemoDataset.Account;
import nl.plein.gisdata.demo.DemoDataset.Area;

/** The demo accounts: three staff members and the residents who do the proposing. */
final class PeopleGenerator {

    /** Positions of the staff in the account list (and so the order they are inserted in). */
    static final int ADMIN = 0;
    static final int PLANNER = 1;
    static final int MODERATOR = 2;

    /**
     * The accounts, which of them are residents, and how active each resident is (a heavy-tailed
     * weight: on participation platforms a few people do most of the talking).
     */
    record People(List<Account> accounts, List<Integer> residents, double[] activity) {

        People {
            accounts = List.copyOf(accounts);
            residents = List.copyOf(residents);
            activity = activity.clone();
        }

        /** A resident picked in proportion to activity, never one of the excluded accounts. */
        int pickResident(Rng rng, int... excluded) {
            double[] weights = activity.clone();
            for (int i = 0; i < weights.length; i++) {
                for (int account : excluded) {
                    if (residents.get(i) == account) {
                        weights[i] = 0;
                    }
                }
            }
            return residents.get(rng.pickWeighted(weights));
        }
    }

    private final Rng rng;

    PeopleGenerator(Rng rng) {
        this.rng = rng;
    }

    People generate(List<Area> areas) {
        List<Account> accounts = new ArrayList<>();
        var staffSince = Timeline.at(LocalDate.of(2025, 12, 1), 9, 30);
        accounts.add(new Account(staff("admin"), "Beheer Plein", "admin", null, staffSince));
        accounts.add(new Account(staff("planner"), "Planner Gemeente Vijverdal", "planner", null, staffSince));
        accounts.add(new Account(staff("moderator"), "Moderatie Vijverdal", "moderator", null, staffSince));

        double[] homeWeights = new double[areas.size()];
        for (int i = 0; i < homeWeights.length; i++) {
            Integer population = areas.get(i).population();
            homeWeights[i] = population == null ? 800 : population; // unknown is not zero
        }
        List<Integer> residents = new ArrayList<>();
        double[] activity = new double[Names.RESIDENTS.size()];
        for (int i = 0; i < Names.RESIDENTS.size(); i++) {
            Names.Person person = Names.RESIDENTS.get(i);
            // Most residents say where they live; a neighbourhood, never an address.
            Integer home = rng.chance(0.88) ? rng.pickWeighted(homeWeights) : null;
            var joined = Timeline.during(rng, LocalDate.of(2025, 12, 1), LocalDate.of(2026, 1, 11));
            residents.add(accounts.size());
            accounts.add(new Account(person.emailLocal() + "@" + Names.EMAIL_DOMAIN, person.displayName(),
                    "resident", home, joined));
            activity[i] = rng.logNormal(0.8);
        }
        return new People(accounts, residents, activity);
    }

    private static String staff(String role) {
        return role + "@" + Names.EMAIL_DOMAIN;
    }
}
