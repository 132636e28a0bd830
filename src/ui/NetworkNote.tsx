import { zooEntry, type ArchFamily } from '../arch/index';
import type { MessageKey } from './i18n/en';
import { useMessages, APP_MESSAGES } from './i18n/index';

const NOTE: Record<ArchFamily, MessageKey> = {
  lenet: 'noteLenet',
  alexnet: 'noteAlexnet',
  vgg: 'noteVgg',
  resnet: 'noteResnet',
  'cifar-resnet': 'noteCifarResnet',
  plain: 'notePlain',
  googlenet: 'noteGooglenet',
};

/** A short explanation, from the course notes, of what is special about the chosen network. */
export function NetworkNote({ arch }: { arch: string }) {
  const t = useMessages(APP_MESSAGES);
  const entry = zooEntry(arch);
  return (
    <section className="panel note" aria-labelledby="note-heading" data-testid="network-note">
      <h2 id="note-heading">
        {entry.title} ({entry.year}) — {t('whatIsSpecial')}
      </h2>
      <p>{t(NOTE[entry.family])}</p>
    </section>
  );
}
