import type {ErrorStrings} from '../en-errors.js';

/** Spanish: the site owner's error table (what went wrong and how to fix it), loaded with the error details. */
export const es: ErrorStrings = {
  'not-found': 'No se encontró el feed en esta dirección (404). Compruebe la dirección de src: ábrala en un navegador.',
  'http-status': (status) => `El servidor del feed respondió con un error (${status}). Si persiste, compruebe la dirección de src y el servidor del feed.`,
  'not-a-feed': 'La dirección no da un feed de eventos. Use la dirección del feed del calendario (iCalendar, JSON, RSS, Atom o JSON-LD).',
  'html-page': 'La dirección da una página web, no un feed de eventos. Use la dirección del feed del calendario, que suele terminar en .ics, /feed o .json.',
  empty: 'El feed está vacío. Compruebe que el calendario tiene eventos públicos.',
  invalid: 'El feed está dañado y no se pudo leer. Compruébelo con un validador de feeds o avise a quien lo publica.',
  'no-event-dates': 'Este feed lista publicaciones sin fechas de evento. Use en su lugar el feed iCalendar (.ics) del calendario.',
  interrupted: 'La conexión se cortó mientras se cargaba el feed. Si persiste, compruebe el servidor del feed.',
  offline: 'Sin conexión de red: no se pudo acceder al feed.',
  cors: 'El servidor del feed no permite que otros sitios lo lean (sin cabeceras CORS). Ponga en marcha un relé autorizado a obtener el feed e indíquelo en el atributo proxy de la lista:',
  insecure: 'Los navegadores bloquean un feed http:// en una página https://. Use la dirección https:// del feed o un relé en https.',
  timeout: 'El feed tardó demasiado en responder. Compruebe que su servidor funciona o aumente el atributo timeout.',
  'too-large': 'El feed es demasiado grande para mostrarlo aquí. Aumente el atributo max-bytes o use un feed solo con los próximos eventos.',
  'redirect-loop':
    'La dirección del feed redirige en bucle y nunca llega al feed. Abra la dirección de src en un navegador y corrija las redirecciones en su servidor.',
  'redirect-blocked':
    'La dirección del feed redirige a una dirección que los navegadores no cargan (file:, data:, javascript: o un servidor inalcanzable). Use en src la dirección https:// propia del feed.',
  'not-modified-without-copy':
    'El servidor del feed respondió «no modificado» (304) al pedirle el feed completo. Compruebe la configuración de caché del servidor (ETag, Last-Modified).',
};
