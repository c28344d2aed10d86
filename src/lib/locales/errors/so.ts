import type {ErrorStrings} from '../en-errors.js';

/** Somali: the site owner's error table (what went wrong and how to fix it), loaded with the error details. */
export const so: ErrorStrings = {
  'not-found': 'Feed-ka laguma helin cinwaankan (404). Hubi cinwaanka src: ku fur browser.',
  'http-status': (status) => `Server-ka feed-ka wuxuu ku jawaabay khalad (${status}). Haddii uu sii socdo, hubi cinwaanka src iyo server-ka feed-ka.`,
  'not-a-feed': 'Cinwaankani ma bixiyo feed dhacdooyin. Isticmaal cinwaanka feed-ka kalandarka (iCalendar, JSON, RSS, Atom ama JSON-LD).',
  'html-page':
    'Cinwaankani wuxuu bixiyaa bog internet, ma aha feed dhacdooyin. Isticmaal cinwaanka feed-ka kalandarka, kaas oo inta badan ku dhammaada .ics, /feed ama .json.',
  empty: 'Feed-ku waa madhan yahay. Hubi in kalandarku leeyahay dhacdooyin dadweyne.',
  invalid: 'Feed-ku waa xumaaday lamana akhrin karin. Ku hubi qalab lagu xaqiijiyo feed-yada, ama u sheeg qofka daabaca.',
  'no-event-dates': 'Feed-kani wuxuu taxayaa qoraallo aan lahayn taariikhda dhacdooyinka. Halkii, isticmaal feed-ka iCalendar (.ics) ee kalandarka.',
  interrupted: "Xiriirku wuu go'ay intii feed-ka la soo rarayay. Haddii uu sii socdo, hubi server-ka feed-ka.",
  offline: 'Ma jiro xiriir shabakad: feed-ka lama gaari karin.',
  cors: 'Server-ka feed-ku uma oggola boggaga kale inay akhriyaan (ma laha madaxyada CORS). Kici relay loo oggol yahay inuu soo qaado feed-ka, kuna qor sifada proxy ee liiska:',
  insecure: 'Browser-yadu waxay xannibaan feed http:// ah oo ku jira bog https:// ah. Isticmaal cinwaanka https:// ee feed-ka, ama relay ku shaqeeya https.',
  timeout: 'Feed-ku wuu daahay inuu jawaabo. Hubi in server-kiisu shaqaynayo, ama kordhi sifada timeout.',
  'too-large': 'Feed-ku aad buu u weyn yahay in halkan lagu muujiyo. Kordhi sifada max-bytes, ama isticmaal feed ay ku jiraan dhacdooyinka soo socda oo keliya.',
  'redirect-loop': 'Cinwaanka feed-ku wuxuu ku wareejinayaa wareeg mana gaaro feed-ka. Ku fur cinwaanka src browser oo sax wareejinta server-ka.',
  'redirect-blocked':
    'Cinwaanka feed-ku wuxuu u wareejinayaa cinwaan aysan browser-yadu soo rarin (file:, data:, javascript: ama server aan la gaari karin). Ku isticmaal src cinwaanka https:// ee feed-ka laftiisa.',
  'not-modified-without-copy':
    'Server-ka feed-ku wuxuu ku jawaabay “lama beddelin” (304) markii la weydiiyay feed-ka oo dhan. Hubi dejinta kaydka ku-meel-gaarka ah ee server-ka (ETag, Last-Modified).',
};
