// French mail texts. Each returns the subject, a plain-text body and a simple HTML body.

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

function layout(paragraphs: string[], link: { url: string; label: string }, footer: string): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n");
  return `<!doctype html><html lang="fr"><body style="font-family:sans-serif;line-height:1.5;color:#1b2a2f">
${body}
<p><a href="${escapeHtml(link.url)}" style="display:inline-block;padding:10px 16px;background:#0f5c63;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(link.label)}</a></p>
<p style="color:#4a5a60;font-size:0.9em">${escapeHtml(footer)}</p>
</body></html>`;
}

export function magicLinkMail(url: string): MailContent {
  const intro = "Voici votre lien de connexion à Maillage. Il est valable 15 minutes et ne sert qu'une fois.";
  const footer =
    "Si vous n'avez pas demandé ce lien, ignorez ce message : personne ne pourra se connecter sans lui.";
  return {
    subject: "Votre lien de connexion à Maillage",
    text: `Bonjour,\n\n${intro}\n\n${url}\n\n${footer}\n`,
    html: layout(["Bonjour,", intro], { url, label: "Me connecter" }, footer),
  };
}

export function resetPasswordMail(url: string): MailContent {
  const intro = "Vous avez demandé à changer votre mot de passe Maillage. Ce lien est valable une heure.";
  const footer =
    "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe ne change pas.";
  return {
    subject: "Changer votre mot de passe Maillage",
    text: `Bonjour,\n\n${intro}\n\n${url}\n\n${footer}\n`,
    html: layout(["Bonjour,", intro], { url, label: "Choisir un mot de passe" }, footer),
  };
}

export function invitationMail(input: { name: string; invitedBy: string; context: string; url: string }) {
  const intro = `${input.invitedBy} vous invite à rejoindre ${input.context} sur Maillage, la plateforme des Conseils Locaux de Santé Mentale.`;
  const how = "Pour accepter, choisissez votre mot de passe avec le lien ci-dessous (valable 7 jours).";
  const footer = "Si vous ne connaissez pas cette personne, ignorez ce message.";
  return {
    subject: `Invitation à rejoindre ${input.context} sur Maillage`,
    text: `Bonjour ${input.name},\n\n${intro}\n${how}\n\n${input.url}\n\n${footer}\n`,
    html: layout(
      [`Bonjour ${input.name},`, intro, how],
      { url: input.url, label: "Rejoindre Maillage" },
      footer,
    ),
  } satisfies MailContent;
}
