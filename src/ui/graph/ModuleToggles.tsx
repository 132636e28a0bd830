import { moduleShortName, type ModuleLayout } from '../../views/archGraph/index';
import { useMessages } from '../i18n/index';
import { graphMessages } from '../i18n/graph';

interface Props {
  modules: readonly ModuleLayout[];
  onToggle: (moduleId: string) => void;
  onAll: (expand: boolean) => void;
}

/** One button per inception module (aria-expanded), plus expand/collapse all. */
export function ModuleToggles({ modules, onToggle, onAll }: Props) {
  const t = useMessages(graphMessages);
  const anyExpanded = modules.some((m) => m.expanded);
  return (
    <div className="row module-toggles" role="group" aria-label={t('modules')}>
      <span>{t('modules')}</span>
      {modules.map((m) => (
        <button
          key={m.id}
          type="button"
          className="secondary"
          data-testid="inception-toggle"
          data-module-toggle={m.id}
          aria-expanded={m.expanded}
          aria-label={`${m.id}`}
          onClick={() => onToggle(m.id)}
        >
          {moduleShortName(m.id)} {m.expanded ? '▾' : '▸'}
        </button>
      ))}
      <button type="button" className="secondary" data-testid="inception-toggle-all" onClick={() => onAll(!anyExpanded)}>
        {anyExpanded ? t('collapseAll') : t('expandAll')}
      </button>
    </div>
  );
}
