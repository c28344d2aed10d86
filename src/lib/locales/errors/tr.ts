import type {ErrorStrings} from '../en-errors.js';

/** Turkish: the site owner's error table (what went wrong and how to fix it), loaded with the error details. */
export const tr: ErrorStrings = {
  'not-found': 'Akış bu adreste bulunamadı (404). src adresini kontrol edin: bir tarayıcıda açın.',
  'http-status': (status) => `Akışın sunucusu bir hatayla yanıt verdi (${status}). Sürerse src adresini ve akışın sunucusunu kontrol edin.`,
  'not-a-feed': 'Bu adres bir etkinlik akışı vermiyor. Takvimin akış adresini kullanın (iCalendar, JSON, RSS, Atom veya JSON-LD).',
  'html-page': 'Bu adres bir etkinlik akışı değil, bir web sayfası veriyor. Takvimin akış adresini kullanın; genellikle .ics, /feed veya .json ile biter.',
  empty: 'Akış boş. Takvimde herkese açık etkinlik olduğunu kontrol edin.',
  invalid: 'Akış bozuk ve okunamadı. Bir akış doğrulayıcıyla kontrol edin ya da yayımlayan kişiye bildirin.',
  'no-event-dates': 'Bu akış etkinlik tarihi olmayan yazıları listeliyor. Bunun yerine takvimin iCalendar (.ics) akışını kullanın.',
  interrupted: 'Akış yüklenirken bağlantı koptu. Sürerse akışın sunucusunu kontrol edin.',
  offline: 'Ağ bağlantısı yok: akışa ulaşılamadı.',
  cors: 'Akışın sunucusu diğer sitelerin onu okumasına izin vermiyor (CORS başlıkları yok). Akışı almaya izinli bir aktarıcı (relay) çalıştırın ve listenin proxy özniteliğine yazın:',
  insecure: 'Tarayıcılar https:// sayfasındaki bir http:// akışını engeller. Akışın https:// adresini ya da https üzerinden bir aktarıcı kullanın.',
  timeout: 'Akış çok geç yanıt verdi. Sunucusunun çalıştığını kontrol edin ya da timeout özniteliğini artırın.',
  'too-large': 'Akış burada gösterilemeyecek kadar büyük. max-bytes özniteliğini artırın ya da yalnızca yaklaşan etkinlikleri içeren bir akış kullanın.',
  'redirect-loop': 'Akışın adresi bir döngü içinde yönlendiriyor ve akışa hiç ulaşmıyor. src adresini bir tarayıcıda açın ve sunucudaki yönlendirmeleri düzeltin.',
  'redirect-blocked':
    'Akışın adresi, tarayıcıların yüklemediği bir adrese yönlendiriyor (file:, data:, javascript: ya da ulaşılamayan bir sunucu). src içinde akışın kendi https:// adresini kullanın.',
  'not-modified-without-copy':
    'Akışın sunucusu, akışın tamamı istendiğinde “değiştirilmedi” (304) yanıtı verdi. Sunucunun önbellek ayarlarını kontrol edin (ETag, Last-Modified).',
};
