import type {ErrorStrings} from '../en-errors.js';

/** Czech: the site owner's error table (what went wrong and how to fix it), loaded with the error details. */
export const cs: ErrorStrings = {
  'not-found': 'Na této adrese kanál není (404). Zkontrolujte adresu v src: otevřete ji v prohlížeči.',
  'http-status': (status) => `Server kanálu odpověděl chybou (${status}). Pokud to trvá, zkontrolujte adresu v src a server kanálu.`,
  'not-a-feed': 'Tato adresa nevrací kanál akcí. Použijte adresu kanálu kalendáře (iCalendar, JSON, RSS, Atom nebo JSON-LD).',
  'html-page': 'Tato adresa vrací webovou stránku, ne kanál akcí. Použijte adresu kanálu kalendáře, která často končí na .ics, /feed nebo .json.',
  empty: 'Kanál je prázdný. Zkontrolujte, zda má kalendář veřejné akce.',
  invalid: 'Kanál je poškozený a nepodařilo se ho přečíst. Zkontrolujte ho validátorem kanálů nebo dejte vědět tomu, kdo ho zveřejňuje.',
  'no-event-dates': 'Tento kanál obsahuje příspěvky bez dat akcí. Použijte místo něj kanál iCalendar (.ics) kalendáře.',
  interrupted: 'Spojení se během načítání kanálu přerušilo. Pokud to trvá, zkontrolujte server kanálu.',
  offline: 'Žádné připojení k síti: kanál nebyl dostupný.',
  cors: 'Server kanálu nedovoluje jiným webům ho číst (chybí hlavičky CORS). Spusťte přenosový server (relay), který smí kanál stahovat, a uveďte ho v atributu proxy seznamu:',
  insecure: 'Prohlížeče blokují kanál http:// na stránce https://. Použijte adresu kanálu s https:// nebo relay na https.',
  timeout: 'Kanál odpovídal příliš dlouho. Zkontrolujte, zda jeho server běží, nebo zvyšte atribut timeout.',
  'too-large': 'Kanál je příliš velký, aby se zde dal zobrazit. Zvyšte atribut max-bytes nebo použijte kanál jen s nadcházejícími akcemi.',
  'redirect-loop': 'Adresa kanálu přesměrovává ve smyčce a ke kanálu se nikdy nedostane. Otevřete adresu v src v prohlížeči a opravte přesměrování na serveru.',
  'redirect-blocked':
    'Adresa kanálu přesměrovává na adresu, kterou prohlížeče nenačtou (file:, data:, javascript: nebo nedostupný server). Použijte v src vlastní adresu https:// kanálu.',
  'not-modified-without-copy': 'Server kanálu na žádost o celý kanál odpověděl „nezměněno“ (304). Zkontrolujte nastavení mezipaměti serveru (ETag, Last-Modified).',
};
