// Description translation from real-looking CJ HTML: spec lines translated, images, scripts and
// styles removed, prose claims left out, output plain text.
import { describe as group, expect, it } from 'vitest';
import { findClaims, htmlToLines, OfflineTranslator } from '../../src/translation/index.js';

const offline = new OfflineTranslator();

const CLUSTER_HTML = `<p><img src="https://cbu01.alicdn.com/img/ibank/O1CN01.jpg" alt="amethyst"></p>
<script type="text/javascript">document.write('<img src=//evil.example/p.gif>');</script>
<style>.desc{color:red}</style>
<p><b>Product information:</b></p>
<p>Material: Natural Crystal<br>Size: 5-6cm<br>Color: Purple<br>Weight: approx. 150g<br>
Function: Healing, brings good luck and wealth, protects from negative energy<br>
Package Includes: 1 x Crystal Cluster</p>
<p>Note: Please allow 1-2cm error due to manual measurement.</p>
<p>Due to the different display and different light, the picture may not reflect the actual color of the item.</p>
<p>This beautiful amethyst will heal your mind &amp; body!</p>
<iframe src="https://tracker.example/x"></iframe>`;

group('offline description', () => {
  it('composes a neutral opening, translated spec lines and stock notes', () => {
    const text = offline.translateDescription(CLUSTER_HTML, 'Natural Amethyst Crystal Cluster Raw Quartz Geode Healing Stone Home Decor');
    expect(text).toBe(
      [
        'Drusa de ametista natural em bruto. Cada pedra natural é única: a forma, a cor e o tamanho podem variar ligeiramente em relação às fotografias.',
        '',
        'Material: Cristal natural',
        'Tamanho: 5-6 cm',
        'Cor: Roxo',
        'Peso: Cerca de 150 g',
        'Conteúdo da embalagem: 1 × Drusa de cristal',
        '',
        'As medidas são feitas à mão e podem diferir em 1-2 cm.',
        'A cor pode variar ligeiramente em relação às fotografias, consoante o ecrã e a iluminação.',
      ].join('\n'),
    );
  });

  it('never lets markup, scripts, images or claims through', () => {
    const text = offline.translateDescription(CLUSTER_HTML, 'Natural Amethyst Crystal Cluster');
    expect(text).not.toMatch(/[<>]/);
    expect(text).not.toMatch(/img|script|evil\.example|tracker|color:red/i);
    expect(findClaims(text)).toEqual([]);
    expect(text).not.toMatch(/heal|luck|wealth|protect/i);
  });

  it('translates jewellery spec lines: lists, genders, lengths, styles', () => {
    const html =
      'Product Name: 7 Chakra Bracelet<br/>Material: Lava Stone, Alloy<br/>Bead Size: 8mm<br/>Color: Black/Gold<br/>' +
      'Bracelet Length: 19cm<br/>Gender: Unisex<br/>Style: Bohemian<br/>Package Include: 1pc Bracelet';
    expect(offline.translateDescription(html, '7 Chakra Tree Of Life Bracelet Lava Stone Beads For Women Men')).toBe(
      [
        'Pulseira dos 7 chakras de pedra de lava com árvore da vida.',
        '',
        'Material: Pedra de lava, liga metálica',
        'Tamanho das contas: 8 mm',
        'Cor: Preto, dourado',
        'Perímetro: 19 cm',
        'Género: Unissexo',
        'Estilo: Boémio',
        'Conteúdo da embalagem: 1 × Pulseira',
      ].join('\n'),
    );
  });

  it('translates a tarot deck description, including the language', () => {
    const html = '<div>Language: English</div><div>Number of cards: 78</div><div>Card size: 12x7cm</div><div>Package: 78 cards + 1 guidebook + 1 box</div>';
    expect(offline.translateDescription(html, 'Rider Waite Tarot Deck 78 Cards English Version')).toBe(
      [
        'Baralho de tarot Rider Waite com 78 cartas em inglês.',
        '',
        'Idioma: Inglês',
        'Número de cartas: 78',
        'Tamanho das cartas: 12 x 7 cm',
        'Conteúdo da embalagem: 78 × Cartas, 1 × Livro-guia, 1 × Caixa',
      ].join('\n'),
    );
  });

  it('leaves out values it cannot translate rather than mixing languages', () => {
    const text = offline.translateDescription('Material: Zorblaxite composite<br>Color: Purple<br>Size: As shown', undefined);
    expect(text).toBe('Cor: Roxo');
  });

  it('works without a title (no opening sentence) and on an empty description', () => {
    expect(offline.translateDescription('Size: 10cm', undefined)).toBe('Tamanho: 10 cm');
    expect(offline.translateDescription('', undefined)).toBe('');
  });

  it('is offered through the Translator interface with the title as context', async () => {
    const result = await offline.translate({ kind: 'description', text: 'Color: Black', from: 'en', to: 'pt-PT', titleEn: 'Obsidian Bracelet' });
    expect(result).toEqual({ text: 'Pulseira de obsidiana.\n\nCor: Preto', provider: 'offline', cached: false });
  });
});

group('htmlToLines', () => {
  it('splits on block elements and <br>, decodes entities, drops tags', () => {
    expect(htmlToLines('<p>A &amp; B</p><div>C<br>D&nbsp;E</div><ul><li>F</li><li>G &#233;</li></ul>')).toEqual(['A & B', 'C', 'D E', 'F', 'G é']);
  });

  it('removes scripts, styles and comments with their content, even unclosed or odd-cased', () => {
    expect(htmlToLines('x<SCRIPT>bad()</SCRIPT>y<!-- hidden -->z<style>p{}</style>')).toEqual(['x y z']);
    expect(htmlToLines('ok<script>never closed')).toEqual(['ok']);
    expect(htmlToLines('<scripture>is a word</scripture>')).toEqual(['is a word']);
  });

  it('never turns encoded markup into markup', () => {
    const lines = htmlToLines('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(lines.join(' ')).not.toMatch(/[<>]/);
  });

  it('stays fast on hostile input', () => {
    const started = performance.now();
    htmlToLines('<script'.repeat(20_000) + '<p>'.repeat(20_000));
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

group('findClaims', () => {
  it('finds English and Portuguese claims with word boundaries', () => {
    expect(findClaims('Healing crystal that brings good luck')).toEqual(['healing', 'luck']);
    expect(findClaims('Pedra que cura e atrai sorte; proteção espiritual')).toEqual(['cura', 'atrai', 'sorte', 'proteção espiritual']);
    expect(findClaims('Procura-se: curto, seguro, capa protetora, pulseira curta')).toEqual([]);
  });
});
