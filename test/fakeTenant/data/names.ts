// French first names, surnames and job titles of a social-sector non-profit.
// A few carry accents and apostrophes on purpose: reports must render them.

export const FIRST_NAMES = [
  'Marie', 'Jean', 'Pierre', 'Sophie', 'Camille', 'Nicolas', 'Julie', 'Thomas', 'Élodie', 'Léa',
  'Hugo', 'Chloé', 'Lucas', 'Manon', 'Antoine', 'Émilie', 'Mathieu', 'Sarah', 'Julien', 'Laura',
  'Céline', 'François', 'Nathalie', 'Stéphane', 'Isabelle', 'Jérôme', 'Aurélie', 'Sébastien', 'Hélène', 'Benoît',
  'Inès', 'Yasmine', 'Karim', 'Mehdi', 'Fatou', 'Maëlle', 'Noémie', 'Grégoire', 'Agnès', 'Gaëlle',
  'Anne-Sophie', 'Jean-Marc', 'Marie-Claire', 'Loïc', 'Zoé', 'Clément', 'Pauline', 'Romain', 'Océane', 'Bruno',
] as const;

export const SURNAMES = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau',
  'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier',
  'Morel', 'Girard', 'André', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez', 'Legrand',
  'Garnier', 'Faure', 'Rousseau', 'Blanc', 'Guérin', 'Muller', 'Henry', 'Roussel', 'Nicolas', 'Perrin',
  "O'Neil", "D'Almeida", 'Benoît', 'Lemaître', 'Castaing', 'Lacoste', 'Dufour', 'Carrère', 'Barthélemy', 'Ducasse',
] as const;

/** Weighted by repetition: most staff are educators. */
export const JOB_TITLES = [
  'Éducateur spécialisé', 'Éducateur spécialisé', 'Éducateur spécialisé', 'Éducatrice spécialisée', 'Éducatrice spécialisée',
  'Moniteur-éducateur', 'Moniteur-éducateur', 'Monitrice-éducatrice', 'Assistante sociale', 'Conseiller en insertion',
  'Secrétaire', 'Secrétaire', 'Psychologue', 'Infirmière', 'Maîtresse de maison', 'Surveillant de nuit',
  'Chef de service', 'Comptable', 'Agent d\'entretien', 'Mandataire judiciaire', 'Mandataire judiciaire',
] as const;

export const HEAD_OFFICE_TITLES = [
  'Directeur général', 'Directrice des ressources humaines', 'Comptable', 'Comptable', 'Responsable paie',
  'Technicien informatique', 'Responsable des systèmes d\'information', 'Chargée de communication', 'Juriste', 'Secrétaire de direction',
] as const;
