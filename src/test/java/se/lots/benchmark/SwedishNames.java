package se.lots.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Names for synthetic persons, drawn so that name search meets a realistic selectivity: a few very common surnames
 * (Andersson about 2 %), a long tail of compound surnames (Lind + ström, Sjö + gren …) and surnames common among
 * young people born abroad. Ranks are drawn Zipf–Mandelbrot style, weight 1 / (rank + 10).
 */
final class SwedishNames {

    private static final String[] COMMON_SURNAMES = { "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson",
        "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson",
        "Bengtsson", "Jönsson", "Lindberg", "Carlsson", "Petersson", "Magnusson", "Lindström", "Gustavsson",
        "Olofsson", "Lindgren", "Ali", "Axelsson", "Mohamed", "Lundberg", "Bergström", "Jakobsson", "Lundgren",
        "Berglund", "Fredriksson", "Mattsson", "Sandberg", "Henriksson", "Forsberg", "Sjöberg", "Ahmed", "Wallin",
        "Engström", "Eklund", "Danielsson", "Lundin", "Håkansson", "Björk", "Bergman", "Gunnarsson", "Holm",
        "Wikström", "Samuelsson", "Isaksson", "Fransson", "Bergqvist", "Nyström", "Holmberg", "Arvidsson",
        "Löfgren", "Hassan", "Söderberg", "Nyberg", "Blomqvist", "Claesson", "Nordström", "Mårtensson",
        "Lundqvist", "Mohammed", "Ibrahim", "Abdi", "Ström", "Hussein", "Nordin", "Holmgren", "Åberg", "Hermansson",
        "Ekström", "Sundberg", "Dahlberg", "Hedlund", "Sjögren", "Nguyen", "Öberg", "Yilmaz", "Åkesson", "Omar",
        "Jonasson", "Abrahamsson", "Falk", "Martinsson", "Andreasson", "Strand", "Ek", "Lind", "Berg", "Sundström",
        "Hosseini", "Mustafa", "Öztürk", "Kaya" };

    private static final String[] SURNAMES_FROM_ABROAD = { "Abdullahi", "Farah", "Warsame", "Jama", "Osman",
        "Khalil", "Haddad", "Khoury", "Saleh", "Mahmoud", "Rahimi", "Noori", "Sultani", "Akbari", "Amini", "Jafari",
        "Sadiq", "Hakimi", "Kadir", "Rashid", "Aziz", "Karimi", "Rezaei", "Ahmadi", "Mohammadi", "Demir", "Çelik",
        "Şahin", "Aydın", "Tran", "Pham", "Le", "Kowalski", "Nowak", "Wiśniewska", "Popescu", "Ivanova", "Petrović",
        "Jovanović", "Hodžić", "Begić", "Tesfaye", "Haile", "Gebremedhin", "Yohannes", "Berhane", "Kebede",
        "Al-Hassan", "Abdallah", "Yusuf", "Nasser", "Suleiman", "Barzani", "Zangana", "Shabo", "Gabriel", "Aho",
        "Virtanen", "Korhonen", "Nieminen", "Mäkinen", "Hansen", "Nielsen", "Jensen", "Olsen", "Garcia", "Rodriguez",
        "Silva", "Santos", "Kim", "Singh", "Khan", "Chowdhury", "Islam", "Perera", "Fernando", "Mensah", "Okafor",
        "Diallo", "Touré" };

    private static final String[] STEMS = { "Lind", "Berg", "Sjö", "Holm", "Ek", "Gran", "Ström", "Sand", "Nord",
        "Söder", "Väster", "Öster", "Ahl", "Alm", "Björk", "Blom", "Dahl", "Falk", "Fors", "Hag", "Hed", "Lund", "Mal",
        "Ny", "Ros", "Sten", "Sund", "Wall", "Åker", "Öhr", "Kvarn", "Lök", "Hjelm", "Ljung", "Rask", "Strand", "Vik",
        "Asp", "Bäck", "Ceder", "Eng", "Gull", "Hammar", "Kull", "Lilje", "Lo", "Mo", "Pil", "Rönn", "Skog", "Tall",
        "Wester", "Ås", "Bränn", "Fager", "Hall", "Kron", "Lager", "Myr", "Rud", "Sol", "Tör", "Udd", "Varg", "Ölm" };

    private static final String[] SUFFIXES = { "berg", "gren", "ström", "qvist", "lund", "holm", "dahl", "blad",
        "man", "sten", "wall", "kvist", "borg", "ling", "stedt", "fors", "by", "vik", "löf", "hag", "näs", "mark",
        "ros", "sjö", "bäck", "lid", "ås", "ek", "ander", "ius" };

    static final String[] WOMEN = { "Alice", "Maja", "Elsa", "Astrid", "Wilma", "Freja", "Olivia", "Selma", "Alma",
        "Ebba", "Vera", "Ella", "Alva", "Saga", "Stella", "Agnes", "Clara", "Signe", "Ines", "Leah", "Lilly",
        "Juni", "Elvira", "Ellen", "Nova", "Majken", "Edith", "Greta", "Tyra", "Moa", "Lova", "Ida", "Hanna",
        "Emma", "Julia", "Linnea", "Matilda", "Sara", "Elin", "Emelie", "Johanna", "Frida", "Amanda", "Sofia",
        "Isabelle", "Felicia", "Nathalie", "Rebecka", "Jennifer", "Josefin", "Lisa", "Louise", "Malin", "Mikaela",
        "Tindra", "My", "Nellie", "Tilda", "Thea", "Tuva", "Wilhelmina", "Ester", "Ronja", "Hedda", "Livia", "Meja",
        "Amira", "Fatima", "Leila", "Noor", "Aya", "Hiba", "Maryam", "Zahra", "Yasmin", "Samira", "Hawa", "Amina",
        "Layla", "Zainab", "Nour", "Rania", "Dina", "Mina", "Elif", "Zeynep", "Ayla", "Aisha", "Hodan", "Ifrah",
        "Sabrina", "Natalia", "Aleksandra", "Mia", "Lina", "Anna", "Sanna", "Klara", "Emilia", "Vilma" };

    static final String[] MEN = { "William", "Liam", "Noah", "Hugo", "Lucas", "Oliver", "Elias", "Oscar", "Adam",
        "Matteo", "Alexander", "Leo", "Viktor", "Charlie", "Ludvig", "Nils", "Vincent", "Arvid", "Theo", "Alfred",
        "Harry", "Isak", "Filip", "Axel", "Gustav", "Olle", "Frans", "Sixten", "Loke", "August", "Emil", "Anton",
        "Erik", "Carl", "Johan", "Jonathan", "Sebastian", "Simon", "Marcus", "Daniel", "Rasmus", "Jesper", "Andreas",
        "Fredrik", "Mattias", "Joel", "Albin", "Kevin", "Robin", "Linus", "Max", "Melvin", "Edvin", "Elton", "Algot",
        "Tage", "Valter", "Sam", "Benjamin", "David", "Mohammed", "Ali", "Omar", "Ahmed", "Yusuf", "Ibrahim",
        "Hassan", "Mustafa", "Abdullahi", "Ismail", "Karim", "Bilal", "Amir", "Hamza", "Youssef", "Mahmoud", "Reza",
        "Mehmet", "Emir", "Deniz", "Can", "Aron", "Dawit", "Yonas", "Tesfay", "Abdi", "Mateusz", "Jakub", "Nikola",
        "Luka", "Stefan", "Ivan", "Milan", "Arman", "Dario", "Kian", "Idris", "Rayan", "Zakaria", "Samir" };

    private final List<String> surnames;
    private final double[] cumulative;

    SwedishNames() {
        var all = new LinkedHashSet<String>(List.of(COMMON_SURNAMES));
        // stems × suffixes interleaved with names from abroad, so the tail is not sorted by origin
        var compounds = new ArrayList<String>();
        for (String suffix : SUFFIXES) {
            for (String stem : STEMS) {
                if (!stem.equalsIgnoreCase(suffix)
                        && !stem.toLowerCase(Locale.ROOT).endsWith(suffix.substring(0, 1))) {
                    compounds.add(stem + suffix);
                }
            }
        }
        int abroad = 0;
        for (int i = 0; i < compounds.size(); i++) {
            all.add(compounds.get(i));
            if (i % 20 == 0 && abroad < SURNAMES_FROM_ABROAD.length) {
                all.add(SURNAMES_FROM_ABROAD[abroad++]);
            }
        }
        while (abroad < SURNAMES_FROM_ABROAD.length) {
            all.add(SURNAMES_FROM_ABROAD[abroad++]);
        }
        surnames = List.copyOf(all);
        cumulative = new double[surnames.size()];
        double sum = 0;
        for (int rank = 0; rank < surnames.size(); rank++) {
            sum += 1.0 / (rank + 11);
            cumulative[rank] = sum;
        }
        for (int rank = 0; rank < cumulative.length; rank++) {
            cumulative[rank] /= sum;
        }
    }

    String surname(Random random) {
        int i = Arrays.binarySearch(cumulative, random.nextDouble());
        String first = surnames.get(Math.min(i < 0 ? -i - 1 : i, surnames.size() - 1));
        // about one in twenty carries a double surname
        if (random.nextInt(20) == 0) {
            String second = surnames.get(random.nextInt(surnames.size()));
            return second.equals(first) ? first : first + " " + second;
        }
        return first;
    }

    String firstName(boolean woman, Random random) {
        String[] names = woman ? WOMEN : MEN;
        // the first names at the top of the lists are the commoner ones
        int i = (int) Math.floor(names.length * Math.pow(random.nextDouble(), 1.6));
        return names[Math.min(i, names.length - 1)];
    }

    int distinctSurnames() {
        return surnames.size();
    }
}
