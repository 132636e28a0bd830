import { useMessages } from '../i18n/index';
import { trainingMessages } from '../i18n/training';
import { uploadsMessages } from '../i18n/uploads';

/** A dataset's name in the UI language, by id; a dataset the UI does not know keeps the worker's name. */
export function useDatasetLabel(): (id: string, fallback: string) => string {
  const training = useMessages(trainingMessages);
  const uploads = useMessages(uploadsMessages);
  return (id, fallback) => {
    switch (id) {
      case 'mnist':
        return training('datasetMnist');
      case 'fashion-mnist':
        return training('datasetFashion');
      case 'shapes':
      case 'color-shapes':
        return training('datasetShapes');
      case 'uploads':
        return uploads('datasetUploads');
      default:
        return fallback;
    }
  };
}
