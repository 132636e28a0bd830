import { fill } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { updateMessages } from '../i18n/update';
import { currentBuildId } from './buildId';

const BUILD_ID = typeof document === 'undefined' ? null : currentBuildId();

/** Which deployment this page is: the build id stamped into index.html, in small print. */
export function BuildStamp() {
  const t = useMessages(updateMessages);
  if (!BUILD_ID) return null;
  return (
    <p className="build-stamp small-text" data-testid="build-id" data-build={BUILD_ID}>
      {fill(t('version'), { id: BUILD_ID })}
    </p>
  );
}
