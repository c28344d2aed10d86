import type {ErrorStrings} from '../en-errors.js';

/** Portuguese: the site owner's error table (what went wrong and how to fix it), loaded with the error details. */
export const pt: ErrorStrings = {
  'not-found': 'O feed não foi encontrado neste endereço (404). Verifique o endereço em src: abra-o num navegador.',
  'http-status': (status) => `O servidor do feed respondeu com um erro (${status}). Se persistir, verifique o endereço em src e o servidor do feed.`,
  'not-a-feed': 'O endereço não fornece um feed de eventos. Use o endereço do feed do calendário (iCalendar, JSON, RSS, Atom ou JSON-LD).',
  'html-page': 'O endereço fornece uma página web, não um feed de eventos. Use o endereço do feed do calendário, que muitas vezes termina em .ics, /feed ou .json.',
  empty: 'O feed está vazio. Verifique se o calendário tem eventos públicos.',
  invalid: 'O feed está danificado e não pôde ser lido. Verifique-o com um validador de feeds ou avise quem o publica.',
  'no-event-dates': 'Este feed lista publicações sem datas de eventos. Use antes o feed iCalendar (.ics) do calendário.',
  interrupted: 'A ligação caiu enquanto o feed carregava. Se persistir, verifique o servidor do feed.',
  offline: 'Sem ligação à rede: não foi possível aceder ao feed.',
  cors: 'O servidor do feed não permite que outros sites o leiam (sem cabeçalhos CORS). Ponha a funcionar um relay autorizado a obter o feed e indique-o no atributo proxy da lista:',
  insecure: 'Os navegadores bloqueiam um feed http:// numa página https://. Use o endereço https:// do feed ou um relay em https.',
  timeout: 'O feed demorou demasiado a responder. Verifique se o servidor está a funcionar ou aumente o atributo timeout.',
  'too-large': 'O feed é demasiado grande para ser mostrado aqui. Aumente o atributo max-bytes ou use um feed só com os próximos eventos.',
  'redirect-loop': 'O endereço do feed redireciona em ciclo e nunca chega ao feed. Abra o endereço em src num navegador e corrija os redirecionamentos no servidor.',
  'redirect-blocked':
    'O endereço do feed redireciona para um endereço que os navegadores não carregam (file:, data:, javascript: ou um servidor inacessível). Use em src o endereço https:// do próprio feed.',
  'not-modified-without-copy':
    'O servidor do feed respondeu «não modificado» (304) a um pedido do feed completo. Verifique as definições de cache do servidor (ETag, Last-Modified).',
};
