"""check:keras, round trip part 1: a model made by Keras itself, as a student would make one on Colab
(Sequential: Rescaling, Conv2D, BatchNormalization, MaxPooling2D, Dropout, Dense), trained briefly on
the playground's MNIST export so its batch-norm statistics are not the initial ones, saved as .keras.
Usage: python make_student.py <mnist.npz> <out.keras>
"""
import sys

import common
import keras
import numpy as np
from keras import layers


def main(data_path, out_path):
    keras.utils.set_random_seed(7)
    with np.load(data_path) as d:
        x = d["x_train"][:2048].astype("float32") / 255.0
        y = keras.utils.to_categorical(d["y_train"][:2048], 10)
    with common.numpy_initial_weights():  # its first weights without XLA compiling a random kernel per shape
        model = keras.Sequential([
            keras.Input(shape=(28, 28, 1)),
            layers.Rescaling(1.0),
            layers.Conv2D(8, 3, padding="same", activation="relu"),
            layers.BatchNormalization(),
            layers.MaxPooling2D(),
            layers.Conv2D(16, 3, activation="relu"),
            layers.MaxPooling2D(),
            layers.Flatten(),
            layers.Dropout(0.25),
            layers.Dense(32, activation="relu"),
            layers.Dense(10, activation="softmax"),
        ], name="student_cnn")
    model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    history = model.fit(x, y, epochs=1, batch_size=64, verbose=0)
    model.save(out_path)
    print(f"check:keras round trip: Keras saved {out_path} ({model.count_params():,} params, loss {history.history['loss'][-1]:.3f})")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
