import { composeMail } from '../../src/mail/layout'

describe('a message\'s two bodies', () => {
  const mail = composeMail({
    to: 'coop@example.org', lang: 'pt-BR', subject: 'Confirme seu e-mail',
    paragraphs: ['Olá, Maré Digital!', 'Confirme o endereço <coop@example.org> para enviar sua inscrição.'],
    action: { label: 'Confirmar', url: 'https://tejido.example/join/confirm?t=a&b="x"' },
    footer: 'Você recebeu esta mensagem porque alguém se inscreveu em tejido.example com este endereço.'
  })

  test('the text body says everything, the link in full', () => {
    expect(mail.text).toContain('Confirme o endereço <coop@example.org> para enviar sua inscrição.')
    expect(mail.text).toContain('Confirmar: https://tejido.example/join/confirm?t=a&b="x"')
    expect(mail.text.endsWith('com este endereço.')).toBe(true)
  })

  test('the HTML body says the same, escaped, in the reader\'s language', () => {
    expect(mail.html).toContain('<html lang="pt-BR">')
    expect(mail.html).toContain('<p>Confirme o endereço &lt;coop@example.org&gt; para enviar sua inscrição.</p>')
    expect(mail.html).toContain('<a href="https://tejido.example/join/confirm?t=a&amp;b=&quot;x&quot;">Confirmar</a>')
    expect(mail.html).not.toContain('<coop@example.org>')
  })
})
