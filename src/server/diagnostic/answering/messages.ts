import { frenchLongDate, frenchTime } from "../../meetings/convocation-mails";

/** "lundi 3 mars 2027 à 9 h 00" */
const when = (d: Date) => `${frenchLongDate(d)} à ${frenchTime(d)}`;

/** French messages of collecting answers (the answering page and the coordination's invitations). */
export const answeringMessages = {
  linkNotFound: "Ce lien de questionnaire n'existe pas, ou plus. Vérifiez l'adresse reçue.",
  notYetOpen: (title: string, opensAt: Date) =>
    `Le questionnaire « ${title} » n'est pas encore ouvert : il ouvrira le ${when(opensAt)}.`,
  closed: (title: string, closedAt: Date | null) =>
    closedAt
      ? `Le questionnaire « ${title} » est clos depuis le ${when(closedAt)} : il ne reçoit plus de réponses.`
      : `Le questionnaire « ${title} » est clos : il ne reçoit plus de réponses.`,
  alreadyAnsweredFromBrowser: "Vous avez déjà répondu à ce questionnaire depuis ce navigateur.",
  alreadyAnsweredInvitation:
    "Vous avez déjà répondu à ce questionnaire avec ce lien. Merci de votre participation !",
  browserKeyMissing: "Votre navigateur n'a pas transmis sa clé de réponse : rechargez la page et réessayez.",
  nameRequired: "Indiquez votre nom : ce questionnaire n'est pas anonyme.",
  answersInvalid: "Certaines réponses sont à compléter ou à corriger.",
  tooManyAnswers: (seconds: number) =>
    `Trop de réponses envoyées depuis cette connexion. Réessayez dans ${seconds} secondes.`,
  // The coordination
  surveyNotFound: "Enquête introuvable.",
  invitationNotFound: "Invitation introuvable.",
  instanceNotFound: "Cette instance n'existe pas dans ce CLSM.",
  personNotFound: "Une des personnes choisies n'est pas dans l'annuaire de ce CLSM.",
  closedNoInvitation: "Cette enquête est close : elle ne reçoit plus d'invitations.",
  draftNoMail: "Publiez l'enquête avant d'envoyer les invitations.",
  closedNoMail: "Cette enquête est close : les invitations ne peuvent plus être envoyées.",
  notOpenNoReminder: "Les relances ne partent que pendant que l'enquête est ouverte.",
  answeredNoDelete: "Cette personne a déjà répondu : son invitation ne peut plus être retirée.",
} as const;
