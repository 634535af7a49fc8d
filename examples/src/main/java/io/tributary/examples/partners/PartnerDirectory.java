package io.tributary.examples.partners;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Thirty partners generated in memory, the same every run ({@code p-1} to {@code p-30}), so tests can name them. */
public final class PartnerDirectory {
    private static final String[] PLACES = {"Northbridge", "Lakeside", "Helix", "Meridian", "Ashford", "Kestrel",
            "Riverbend", "Solano", "Tamsin", "Whitfield"};
    private static final String[] SUBJECTS = {"Data Science", "Economics", "Public Health", "Robotics", "Design", "Law"};
    private static final String[] COUNTRIES = {"GB", "US", "DE", "IN", "BR", "JP", "KE"};

    private final Map<String, Partner> partners = new LinkedHashMap<>();

    public PartnerDirectory() {
        for (int i = 1; i <= 30; i++) {
            Partner partner = generate(i);
            partners.put(partner.id(), partner);
        }
    }

    private static Partner generate(int i) {
        PartnerKind kind = kindOf(i);
        String place = PLACES[(i - 1) % PLACES.length];
        String name = place + switch (kind) {
            case UNIVERSITY -> " University";
            case COMPANY -> " Labs";
            case NONPROFIT -> " Foundation";
            case GOVERNMENT -> " Skills Agency";
        };
        String domain = name.toLowerCase(Locale.ROOT).replace(' ', '-') + ".example";
        List<String> subjects = new ArrayList<>();
        for (int s = 0; s <= i % 3; s++) {
            subjects.add(SUBJECTS[(i + 2 * s) % SUBJECTS.length]);
        }
        return new Partner("p-" + i, name, kind, COUNTRIES[i % COUNTRIES.length], i % 4 == 0 ? null : "https://www." + domain,
                1850 + (i * 37) % 170, new Partner.Contact("partnerships@" + domain, i % 3 == 0 ? null : "+44 20 7946 0" + (100 + i)),
                List.copyOf(subjects));
    }

    /** Ten universities, ten companies, then nonprofits and agencies alternating. */
    private static PartnerKind kindOf(int i) {
        return switch ((i - 1) / 10) {
            case 0 -> PartnerKind.UNIVERSITY;
            case 1 -> PartnerKind.COMPANY;
            default -> i % 2 == 0 ? PartnerKind.NONPROFIT : PartnerKind.GOVERNMENT;
        };
    }

    public Optional<Partner> find(String id) {
        return Optional.ofNullable(partners.get(id));
    }

    /** The partners with these ids, in the order asked, skipping ids that do not exist. */
    public List<Partner> findAll(List<String> ids) {
        return ids.stream().map(partners::get).filter(Objects::nonNull).toList();
    }

    /** At most {@code limit} partners from position {@code start}, in id order. */
    public List<Partner> page(int start, int limit) {
        List<Partner> all = List.copyOf(partners.values());
        return all.subList(Math.min(start, all.size()), Math.min(start + limit, all.size()));
    }

    public int size() {
        return partners.size();
    }
}
