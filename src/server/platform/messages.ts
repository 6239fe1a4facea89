/** French messages shown to users by the API. Keys are English; texts are what a person reads. */
export const messages = {
  notFound: "Ressource introuvable.",
  routeNotFound: "Cette adresse de l'API n'existe pas.",
  forbidden: "Vous n'avez pas les droits pour cette action.",
  unauthenticated: "Vous devez être connecté·e.",
  validation: "Certaines informations sont invalides.",
  invalidJson: "Le contenu envoyé n'est pas un JSON valide.",
  bodyTooLarge: "Le contenu envoyé est trop volumineux.",
  unsupportedMediaType: "Ce type de contenu n'est pas accepté.",
  tooManyRequests: "Trop de tentatives. Réessayez dans quelques instants.",
  internal:
    "Une erreur inattendue est survenue. Réessayez ; si le problème persiste, contactez l'administrateur.",
  invalidCredentials: "Adresse e-mail ou mot de passe incorrect.",
  signInSlowedDown: (seconds: number) =>
    `Trop d'échecs de connexion pour cette adresse. Réessayez dans ${seconds} seconde${seconds > 1 ? "s" : ""}.`,
  invalidToken: "Ce lien n'est plus valide. Demandez-en un nouveau.",
  userExists: "Une personne avec cette adresse e-mail existe déjà.",
  invitationAlreadyAccepted: "Cette personne a déjà activé son compte : inutile de renvoyer l'invitation.",
  alreadyMember: "Cette personne est déjà membre de ce CLSM.",
  unknownCommunes: (codes: string[]) => `Communes inconnues : ${codes.join(", ")}.`,
  unknownEpcis: (codes: string[]) => `EPCI inconnus : ${codes.join(", ")}.`,
  quartierOutsideTerritory: "Ce quartier est dans une commune qui n'appartient pas au territoire.",
  concurrentChange:
    "Ces informations viennent d'être modifiées par quelqu'un d'autre. Rechargez la page et réessayez.",
  lastCoordinator: "Un CLSM doit garder au moins un·e coordinateur·rice.",
  cannotDemoteSelf: "Vous ne pouvez pas retirer votre propre rôle d'administrateur·rice.",
  unknownRegion: "Région inconnue.",
  importEmpty: "Le fichier est vide.",
  importNoRows: "Le fichier ne contient qu'une ligne d'en-têtes, aucune personne à importer.",
  importTooManyRows: (max: number) =>
    `Le fichier contient trop de lignes : ${max.toLocaleString("fr-FR")} au maximum par import.`,
  importTooLarge: "Le fichier est trop volumineux : 10 Mo au maximum.",
  importWrongExtension: "Ce type de fichier n'est pas accepté : envoyez un fichier .csv ou .xlsx.",
  importBinary: "Ce fichier n'est pas un tableau lisible : envoyez un fichier .csv ou .xlsx.",
  importBrokenXlsx: "Ce fichier .xlsx est endommagé ou n'est pas un classeur Excel.",
  importXlsxTooBig:
    "Ce classeur est trop volumineux une fois décompressé : enregistrez seulement la feuille de l'annuaire, ou exportez-la en CSV.",
  importBrokenQuotes: (line: number) =>
    `Le fichier est mal formé : un guillemet n'est pas refermé (vers la ligne ${line}).`,
  importMissingFileName: "Indiquez le nom du fichier (paramètre fileName).",
  importNotFound: "Import introuvable.",
  importNotDraft: "Cet import a déjà été validé ou annulé : il ne peut plus être modifié.",
  importNotCommitted: "Seul un import validé peut être annulé.",
  importHasErrors: (count: number) =>
    `${count} ligne${count > 1 ? "s" : ""} comporte${count > 1 ? "nt" : ""} des erreurs : corrigez le fichier ou la correspondance des colonnes.`,
  importMappingNeedsName: "Associez au moins une colonne au nom de famille.",
  importMappingDuplicate: (field: string) => `Plusieurs colonnes sont associées au même champ : ${field}.`,
  importConcurrentChange:
    "L'annuaire a changé pendant l'import (un courriel du fichier vient d'être enregistré) : rien n'a été importé. Rechargez l'aperçu et validez à nouveau.",
  importEditedSince:
    "Des fiches créées ou modifiées par cet import ont été modifiées depuis : l'import ne peut plus être annulé.",
} as const;
