import type {ErrorStrings} from '../en-errors.js';

/** French: the site owner's error table (what went wrong and how to fix it), loaded with the error details. */
export const fr: ErrorStrings = {
  'not-found': 'Le flux est introuvable à cette adresse (404). Vérifiez l’adresse dans src : ouvrez-la dans un navigateur.',
  'http-status': (status) => `Le serveur du flux a répondu par une erreur (${status}). Si cela dure, vérifiez l’adresse dans src et le serveur du flux.`,
  'not-a-feed': 'L’adresse ne donne pas de flux d’événements. Utilisez l’adresse du flux du calendrier (iCalendar, JSON, RSS, Atom ou JSON-LD).',
  'html-page': 'L’adresse donne une page web, pas un flux d’événements. Utilisez l’adresse du flux du calendrier, qui se termine souvent par .ics, /feed ou .json.',
  empty: 'Le flux est vide. Vérifiez que le calendrier contient des événements publics.',
  invalid: 'Le flux est endommagé et n’a pas pu être lu. Vérifiez-le avec un validateur de flux, ou prévenez qui le publie.',
  'no-event-dates': 'Ce flux liste des articles sans dates d’événement. Utilisez plutôt le flux iCalendar (.ics) du calendrier.',
  interrupted: 'La connexion a été coupée pendant le chargement du flux. Si cela dure, vérifiez le serveur du flux.',
  offline: 'Pas de connexion réseau : le flux est injoignable.',
  cors: 'Le serveur du flux n’autorise pas les autres sites à le lire (pas d’en-têtes CORS). Lancez un relais autorisé à récupérer le flux, et indiquez-le dans l’attribut proxy de la liste :',
  insecure: 'Les navigateurs bloquent un flux http:// sur une page https://. Utilisez l’adresse https:// du flux, ou un relais en https.',
  timeout: 'Le flux a mis trop de temps à répondre. Vérifiez que son serveur fonctionne, ou augmentez l’attribut timeout.',
  'too-large': 'Le flux est trop volumineux pour être affiché ici. Augmentez l’attribut max-bytes, ou utilisez un flux des seuls événements à venir.',
  'redirect-loop':
    'L’adresse du flux redirige en boucle et n’atteint jamais le flux. Ouvrez l’adresse de src dans un navigateur et corrigez les redirections sur son serveur.',
  'redirect-blocked':
    'L’adresse du flux redirige vers une adresse que les navigateurs ne chargent pas (file:, data:, javascript: ou un serveur injoignable). Utilisez dans src l’adresse https:// du flux lui-même.',
  'not-modified-without-copy':
    'Le serveur du flux a répondu « non modifié » (304) à une demande du flux entier. Vérifiez les réglages de cache du serveur (ETag, Last-Modified).',
};
