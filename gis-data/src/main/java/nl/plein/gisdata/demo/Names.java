package nl.plein.gisdata.demo;

import java.util.List;

/** Invented names for the demo town and its people. Any resemblance to real ones is generic. */
final class Names {

    private Names() {}

    static final String MUNICIPALITY = "Vijverdal";

    /** The neighbourhood that contains the town centre. */
    static final String CENTRE_NEIGHBOURHOOD = "Centrum";

    /** More names than the largest number of neighbourhoods, so every neighbourhood gets one. */
    static final List<String> NEIGHBOURHOODS = List.of(
            "Rietlanden", "Vijverhof", "De Kolk", "Molenweide", "Schepenbuurt", "Zilverschoon",
            "Lisdodde", "Kievitshoek", "De Wetering", "Elzenhof", "Dotterbloem", "Oude Polder",
            "Waterhoven", "Hooiland", "Zwanenwater", "De Bongerd", "Wilgenrijk", "Lepelaarbuurt",
            "Kruidenhof", "Buitenkwartier", "Havendijk", "Korenmaat", "De Gaarde", "Sluiskwartier",
            "Tochtzicht", "Ridderspoor", "Vlonderhof", "Boomgaardbuurt", "Fluitekruid", "Meerkoet",
            "De Landerijen", "Zeeasterbuurt", "Plassenhof", "Kamperfoelie", "Noorderdreef",
            "Zuiderlicht", "Eilandbuurt", "Watertorenbuurt", "Poldermolen", "Grutto", "Brinkhoven");

    /** A resident: how they appear, and the local part of their demo e-mail address. */
    record Person(String displayName, String emailLocal) {}

    static final List<Person> RESIDENTS = List.of(
            new Person("Anna de Vries", "anna.devries"),
            new Person("Daan Bakker", "daan.bakker"),
            new Person("Sanne Visser", "sanne.visser"),
            new Person("Mohamed El Idrissi", "mohamed.elidrissi"),
            new Person("Fatma Yılmaz", "fatma.yilmaz"),
            new Person("Pieter van Dijk", "pieter.vandijk"),
            new Person("Lotte Smit", "lotte.smit"),
            new Person("Thijs Mulder", "thijs.mulder"),
            new Person("Priya Raman", "priya.raman"),
            new Person("Jeroen de Boer", "jeroen.deboer"),
            new Person("Noor Hendriks", "noor.hendriks"),
            new Person("Kofi Mensah", "kofi.mensah"),
            new Person("Eva Dekker", "eva.dekker"),
            new Person("Bram van Leeuwen", "bram.vanleeuwen"),
            new Person("Marta Kowalska", "marta.kowalska"),
            new Person("Sven Jansen", "sven.jansen"),
            new Person("Ilse Bos", "ilse.bos"),
            new Person("Wei Chen", "wei.chen"),
            new Person("Ruben Vermeulen", "ruben.vermeulen"),
            new Person("Ayşe Demir", "ayse.demir"),
            new Person("Joost Peters", "joost.peters"),
            new Person("Femke de Graaf", "femke.degraaf"),
            new Person("Luca Rossi", "luca.rossi"),
            new Person("Emma Willems", "emma.willems"),
            new Person("Tom O'Brien", "tom.obrien"));

    static final String EMAIL_DOMAIN = "demo.plein.test";
}
