import type {ErrorStrings} from '../en-errors.js';

/** Amharic: the site owner's error table (what went wrong and how to fix it), loaded with the error details. */
export const am: ErrorStrings = {
  'not-found': 'ምግቡ በዚህ አድራሻ አልተገኘም (404)። የsrc አድራሻውን ያረጋግጡ፦ በአሳሽ ይክፈቱት።',
  'http-status': (status) => `የምግቡ አገልጋይ በስህተት መለሰ (${status})። ከቀጠለ የsrc አድራሻውን እና የምግቡን አገልጋይ ያረጋግጡ።`,
  'not-a-feed': 'ይህ አድራሻ የዝግጅቶች ምግብ አይሰጥም። የቀን መቁጠሪያውን ምግብ አድራሻ ይጠቀሙ (iCalendar፣ JSON፣ RSS፣ Atom ወይም JSON-LD)።',
  'html-page': 'ይህ አድራሻ ድረ-ገጽ ይሰጣል እንጂ የዝግጅቶች ምግብ አይደለም። የቀን መቁጠሪያውን ምግብ አድራሻ ይጠቀሙ፤ ብዙ ጊዜ በ.ics፣ /feed ወይም .json ያበቃል።',
  empty: 'ምግቡ ባዶ ነው። የቀን መቁጠሪያው ይፋዊ ዝግጅቶች እንዳሉት ያረጋግጡ።',
  invalid: 'ምግቡ ተበላሽቷል እና ሊነበብ አልቻለም። በምግብ አረጋጋጭ ይፈትሹት ወይም ለሚያትመው ያሳውቁ።',
  'no-event-dates': 'ይህ ምግብ የዝግጅት ቀን የሌላቸውን ልጥፎች ይዘረዝራል። በምትኩ የቀን መቁጠሪያውን iCalendar (.ics) ምግብ ይጠቀሙ።',
  interrupted: 'ምግቡ በመጫን ላይ እያለ ግንኙነቱ ተቋርጧል። ከቀጠለ የምግቡን አገልጋይ ያረጋግጡ።',
  offline: 'የአውታረ መረብ ግንኙነት የለም፦ ምግቡ ሊደረስበት አልቻለም።',
  cors: 'የምግቡ አገልጋይ ሌሎች ድረ-ገጾች እንዲያነቡት አይፈቅድም (የCORS ራስጌዎች የሉም)። ምግቡን እንዲያመጣ የተፈቀደለት relay ያስኪዱ እና በዝርዝሩ proxy ባሕሪ ውስጥ ያስገቡት፦',
  insecure: 'አሳሾች በhttps:// ገጽ ላይ ያለን http:// ምግብ ያግዳሉ። የምግቡን https:// አድራሻ ወይም በhttps ላይ ያለ relay ይጠቀሙ።',
  timeout: 'ምግቡ ለመመለስ በጣም ዘገየ። አገልጋዩ እየሠራ መሆኑን ያረጋግጡ ወይም የtimeout ባሕሪውን ይጨምሩ።',
  'too-large': 'ምግቡ እዚህ ለመታየት በጣም ትልቅ ነው። የmax-bytes ባሕሪውን ይጨምሩ ወይም መጪ ዝግጅቶችን ብቻ የያዘ ምግብ ይጠቀሙ።',
  'redirect-loop': 'የምግቡ አድራሻ በክብ ውስጥ ያዞራል እና ወደ ምግቡ አይደርስም። የsrc አድራሻውን በአሳሽ ይክፈቱ እና በአገልጋዩ ላይ ያሉትን ማዞሪያዎች ያስተካክሉ።',
  'redirect-blocked': 'የምግቡ አድራሻ አሳሾች ወደማይጭኑት አድራሻ ያዞራል (file:, data:, javascript: ወይም ሊደረስበት የማይችል አገልጋይ)። በsrc ውስጥ የምግቡን የራሱን https:// አድራሻ ይጠቀሙ።',
  'not-modified-without-copy': 'የምግቡ አገልጋይ ሙሉው ምግብ ሲጠየቅ “አልተቀየረም” (304) ብሎ መለሰ። የአገልጋዩን የcache ቅንብሮች ያረጋግጡ (ETag, Last-Modified)።',
};
