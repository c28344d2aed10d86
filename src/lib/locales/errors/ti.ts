import type {ErrorStrings} from '../en-errors.js';

/** Tigrinya: the site owner's error table (what went wrong and how to fix it), loaded with the error details. */
export const ti: ErrorStrings = {
  'not-found': 'እቲ ፊድ ኣብዚ ኣድራሻ ኣይተረኽበን (404)። ኣድራሻ src ኣረጋግጽ፦ ኣብ መርበብ-ሓበሬታ ክፈቶ።',
  'http-status': (status) => `ሰርቨር ናይቲ ፊድ ብጌጋ መለሰ (${status})። እንተቐጺሉ፡ ኣድራሻ src ከምኡ'ውን ሰርቨር ናይቲ ፊድ ኣረጋግጽ።`,
  'not-a-feed': 'እዚ ኣድራሻ ፊድ ፍጻመታት ኣይህብን። ኣድራሻ ፊድ ናይቲ ዓውደ-ኣዋርሕ ተጠቐም (iCalendar፣ JSON፣ RSS፣ Atom ወይ JSON-LD)።',
  'html-page': 'እዚ ኣድራሻ ገጽ መርበብ እዩ ዝህብ፡ ፊድ ፍጻመታት ኣይኮነን። ኣድራሻ ፊድ ናይቲ ዓውደ-ኣዋርሕ ተጠቐም፤ መብዛሕትኡ ግዜ ብ .ics፣ /feed ወይ .json ይውድእ።',
  empty: 'እቲ ፊድ ባዶ እዩ። እቲ ዓውደ-ኣዋርሕ ህዝባዊ ፍጻመታት ከም ዘለዎ ኣረጋግጽ።',
  invalid: 'እቲ ፊድ ተበላሽዩ ክንበብ ኣይከኣለን። ብመረጋገጺ ፊድ ፈትሾ፡ ወይ ንዘሕትሞ ኣፍልጥ።',
  'no-event-dates': 'እዚ ፊድ ዕለት ፍጻመ ዘይብሎም ጽሑፋት ይዝርዝር። ኣብ ክንድኡ ፊድ iCalendar (.ics) ናይቲ ዓውደ-ኣዋርሕ ተጠቐም።',
  interrupted: 'እቲ ፊድ ክጽዓን ከሎ ርክብ ተቛሪጹ። እንተቐጺሉ፡ ሰርቨር ናይቲ ፊድ ኣረጋግጽ።',
  offline: 'ርክብ መርበብ የለን፦ ናብቲ ፊድ ክብጻሕ ኣይከኣለን።',
  cors: 'ሰርቨር ናይቲ ፊድ ካልኦት መርበባት ከንብብዎ ኣየፍቅድን (CORS ርእሲታት የለዉን)። ነቲ ፊድ ከምጽእ ዝፍቀደሉ relay ኣካይድ፡ ኣብ proxy ባህርያት ናይቲ ዝርዝር ድማ ኣእትዎ፦',
  insecure: 'መርበብ-ሓበሬታታት http:// ፊድ ኣብ https:// ገጽ ይዓግቱ። ናይቲ ፊድ https:// ኣድራሻ ወይ ኣብ https ዝሰርሕ relay ተጠቐም።',
  timeout: 'እቲ ፊድ ንምምላስ ነዊሕ ግዜ ወሲዱ። ሰርቨሩ ይሰርሕ ምህላዉ ኣረጋግጽ፡ ወይ ባህርያት timeout ወስኽ።',
  'too-large': 'እቲ ፊድ ኣብዚ ንኽርአ ኣዝዩ ዓቢ እዩ። ባህርያት max-bytes ወስኽ፡ ወይ ዝመጽኡ ፍጻመታት ጥራይ ዘለዎ ፊድ ተጠቐም።',
  'redirect-loop': 'ኣድራሻ ናይቲ ፊድ ኣብ ዓንኬል ይቕይር እሞ ናብቲ ፊድ ፈጺሙ ኣይበጽሕን። ኣድራሻ src ኣብ መርበብ-ሓበሬታ ክፈቶ፡ ነቶም ምቕያራት ኣብቲ ሰርቨር ኣዐሪዮም።',
  'redirect-blocked': 'ኣድራሻ ናይቲ ፊድ ናብ መርበብ-ሓበሬታ ዘይጽዕኖ ኣድራሻ ይቕይር (file:, data:, javascript: ወይ ዘይብጻሕ ሰርቨር)። ኣብ src ናይ ባዕሉ ናይቲ ፊድ ኣድራሻ https:// ተጠቐም።',
  'not-modified-without-copy': 'ሰርቨር ናይቲ ፊድ ምሉእ ፊድ ምስ ተሓተተ “ኣይተቐየረን” (304) ኢሉ መለሰ። ናይ cache ምድላዋት ናይቲ ሰርቨር ኣረጋግጽ (ETag, Last-Modified)።',
};
