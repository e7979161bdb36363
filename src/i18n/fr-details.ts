import type { DetailStrings } from './strings.js';

/**
 * French texts of the choices dialog, the cookie page and the placeholders. French typography: a
 * no-break space (\u00a0) before a colon.
 */
export const frDetails: DetailStrings = {
  preferencesTitle: 'Gestion des cookies',
  preferencesIntro: 'Choisissez les cookies que {organisation} peut déposer. Vous pouvez modifier votre choix à tout moment.',
  gpcNotice: 'Avec Global Privacy Control, votre navigateur demande de ne pas suivre votre navigation. C’est pourquoi tous les cookies facultatifs sont désactivés, jusqu’à ce que vous fassiez ici un autre choix.',
  exemptNotice: 'Ces cookies ne demandent pas votre consentement, car ils ont peu d’effet sur votre vie privée (article 11.7a de la loi néerlandaise sur les télécommunications, Telecommunicatiewet). Vous pouvez quand même les désactiver.',
  preferencesLegend: 'Cookies facultatifs',
  alwaysActive: 'toujours actifs',
  colon: '\u00a0: ',
  close: 'Fermer sans modifier',
  save: 'Enregistrer mes choix',
  days: '{days} jours',
  placeholderText: '{label}\u00a0: ce contenu provient de {host}. Si vous le chargez, {host} peut déposer des cookies.',
  loadOnce: 'Charger une seule fois',
  loadAlways: 'Toujours accepter\u00a0: {label}',
  openExternal: 'Voir sur {host}',
  consentCookiePurpose: 'Mémorise votre choix sur les cookies.',
  matomoVisitorPurpose: 'Reconnaît votre navigateur lors d’une prochaine visite, pour les statistiques.',
  matomoVisitorLifetime: '13 mois',
  matomoSessionPurpose: 'Enregistre les pages que vous consultez pendant une visite.',
  matomoSessionLifetime: '30 minutes',
  matomoReferrerPurpose: 'Mémorise le site d’où vous venez.',
  matomoReferrerLifetime: '6 mois',
  cookieNameHeader: 'Nom',
  cookiePurposeHeader: 'Finalité',
  cookieLifetimeHeader: 'Durée de conservation',
  cookieTableCaption: '{label} sur ce site',
  backLink: 'Revenir à la page que vous consultiez',
  noScriptNotice: 'Pour faire ou modifier votre choix de cookies, JavaScript est nécessaire. Sans JavaScript, aucun script qui dépose des cookies facultatifs ne s’exécute non plus\u00a0: vous ne recevez que les cookies nécessaires.',
};
