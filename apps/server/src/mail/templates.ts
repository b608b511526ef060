import type { MailMessage } from './mailer.ts';

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );

export function layout(
  title: string,
  paragraphs: string[],
  link?: { href: string; label: string },
): { text: string; html: string } {
  const text = [title, '', ...paragraphs, ...(link ? ['', `${link.label} : ${link.href}`] : [])].join('\n');
  const html = `<!doctype html><html lang="fr"><body style="font-family:system-ui,sans-serif;max-width:560px;margin:auto;padding:24px;color:#0f172a">
<h1 style="font-size:20px">${escapeHtml(title)}</h1>
${paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n')}
${link ? `<p><a href="${escapeHtml(link.href)}" style="display:inline-block;background:#0284c7;color:#fff;padding:10px 16px;border-radius:8px;text-decoration:none">${escapeHtml(link.label)}</a></p><p style="font-size:12px;color:#475569">${escapeHtml(link.href)}</p>` : ''}
<p style="font-size:12px;color:#475569">MyElectricalData</p></body></html>`;
  return { text, html };
}

export function verificationMail(to: string, link: string): MailMessage {
  return {
    to,
    subject: 'Confirmez votre adresse e-mail — MyElectricalData',
    ...layout(
      'Bienvenue sur MyElectricalData',
      ['Confirmez votre adresse e-mail pour activer votre compte. Le lien est valable 24 heures.'],
      {
        href: link,
        label: 'Confirmer mon adresse',
      },
    ),
  };
}

export function passwordResetMail(to: string, link: string): MailMessage {
  return {
    to,
    subject: 'Réinitialisation de votre mot de passe — MyElectricalData',
    ...layout(
      'Réinitialiser votre mot de passe',
      [
        'Une réinitialisation de mot de passe a été demandée pour ce compte. Le lien est valable 1 heure.',
        'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message.',
      ],
      { href: link, label: 'Choisir un nouveau mot de passe' },
    ),
  };
}

/** An administrator created the account: the link sets its first password (and proves the address). */
export function invitationMail(to: string, link: string, validDays: number): MailMessage {
  return {
    to,
    subject: 'Votre compte MyElectricalData vous attend',
    ...layout(
      'Un compte a été créé pour vous',
      [
        'Un administrateur de MyElectricalData a créé un compte à cette adresse.',
        `Choisissez votre mot de passe pour l’activer. Le lien est valable ${validDays} jours.`,
      ],
      { href: link, label: 'Choisir mon mot de passe' },
    ),
  };
}

/** Sent when someone signs up with an address that already has an account (the API answer does not say so). */
export function existingAccountMail(to: string, loginLink: string, resetLink: string): MailMessage {
  return {
    to,
    subject: 'Tentative d’inscription avec votre adresse — MyElectricalData',
    ...layout(
      'Vous avez déjà un compte',
      [
        'Quelqu’un (peut-être vous) a essayé de créer un compte avec cette adresse, qui en possède déjà un.',
        `Connectez-vous : ${loginLink}`,
        'Mot de passe oublié ? Utilisez le lien ci-dessous.',
      ],
      { href: resetLink, label: 'Réinitialiser mon mot de passe' },
    ),
  };
}

/** Once per consent, 30 days before its 3 years end; meters shown by name or masked number. */
export function consentExpiryMail(to: string, meters: string[], expiresOn: string, link: string): MailMessage {
  return {
    to,
    subject: 'Votre consentement Enedis expire bientôt — MyElectricalData',
    ...layout(
      'Votre consentement Enedis expire bientôt',
      [
        `Le consentement qui permet à MyElectricalData de lire vos données Enedis expire le ${expiresOn} pour : ${meters.join(', ')}.`,
        'Renouvelez-le depuis votre tableau de bord pour continuer à recevoir vos données sans interruption.',
      ],
      { href: link, label: 'Renouveler mon consentement' },
    ),
  };
}
