// Fictional people: common French first names and family names, combined at random.
// Any resemblance to a real person is a coincidence of frequent names.

// biome-ignore format: a list reads better packed
export const firstNames = [
  "Camille", "Nadia", "Hélène", "Yann", "Martine", "Julien", "Inès", "Léa", "Hugo", "Chloé",
  "Lucas", "Manon", "Louis", "Emma", "Gabriel", "Jade", "Arthur", "Louise", "Raphaël", "Alice",
  "Jules", "Lina", "Adam", "Rose", "Maël", "Anna", "Paul", "Mila", "Nathan", "Ambre",
  "Théo", "Julia", "Sacha", "Zoé", "Tom", "Léna", "Noah", "Agathe", "Ethan", "Margaux",
  "Mathis", "Sarah", "Nolan", "Clara", "Enzo", "Anaïs", "Baptiste", "Pauline", "Antoine", "Élise",
  "Thomas", "Sophie", "Nicolas", "Isabelle", "Pierre", "Nathalie", "François", "Sylvie", "Philippe", "Catherine",
  "Michel", "Valérie", "Laurent", "Sandrine", "Olivier", "Christine", "Stéphane", "Véronique", "Frédéric", "Céline",
  "Éric", "Aurélie", "Christophe", "Delphine", "David", "Émilie", "Sébastien", "Karine", "Jérôme", "Caroline",
  "Malik", "Samira", "Karim", "Fatima", "Mehdi", "Yasmina", "Bilal", "Leïla", "Moussa", "Aïcha",
  "Youssef", "Salomé", "Kevin", "Océane", "Dylan", "Justine", "Loïc", "Gwenaëlle", "Erwan", "Maïwenn",
] as const;

// biome-ignore format: a list reads better packed
export const lastNames = [
  "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent",
  "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard",
  "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefèvre", "Faure", "André",
  "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia",
  "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson",
  "Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier",
  "Brun", "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud",
  "Martinez", "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron",
  "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix", "Olivier", "Philippe",
  "Bourgeois", "Pierre", "Benoît", "Rey", "Leclerc", "Payet", "Rolland", "Leclercq", "Guillaume", "Lecomte",
  "Le Goff", "Morvan", "Kerleau", "Guillou", "Tanguy", "Le Gall", "Le Roux", "Quéméner", "Hoarau", "Grondin",
  "Benali", "Haddad", "Mansouri", "Diallo", "Traoré", "Nguyen", "Da Silva", "Ferreira", "Lopes", "Rodrigues",
] as const;

/** Invented names for the quartiers of infra-communal CLSMs. */
// biome-ignore format: a list reads better packed
export const quartierNames = [
  "Quartiers nord", "Quartiers sud", "Quartiers est", "Quartiers ouest", "Centre ancien",
  "Les Hauts", "Le Plateau", "Rive gauche", "Rive droite", "Les Coteaux", "La Gare", "Le Port",
] as const;
