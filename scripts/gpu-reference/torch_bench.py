#!/usr/bin/env python3
"""PyTorch reference for `npm run bench:gpu`: the same three networks, batches and optimiser on the same GPU.

  python3 scripts/gpu-reference/torch_bench.py [--out torch.json] [--steps 50] [--batches 64,256] [--tf32]

LeNet-5 (modern: ReLU, max pooling) on 32x32x1, ResNet-20 (CIFAR, option-A shortcuts, no conv bias,
BN eps 1e-3) and VGG-11 x0.25 on 32x32x3 with 6 classes, exactly as src/arch builds them (the parameter
counts are checked against `npm run summary`). Adam (lr 1e-3), cross-entropy, float32; TF32 is off
unless --tf32, since tfjs-WebGPU computes in plain float32. Random inputs: the speed does not depend
on the pixels. Writes {device, torch, runs: [{model, batch, examplesPerSec, msPerStep, lossAfter}]}
for `bench:gpu -- --compare torch.json` (run.sh --with-torch does both).
"""
import argparse
import json
import platform
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

# Trainable parameters of our builds (npm run summary -- <arch> --json), so the nets are the same.
EXPECTED_PARAMS = {"lenet5": 61_706, "resnet20": 269_462, "vgg11-w0.25": 1_764_966}


class LeNet5(nn.Module):
    def __init__(self, classes=10):
        super().__init__()
        self.c1 = nn.Conv2d(1, 6, 5)
        self.c3 = nn.Conv2d(6, 16, 5)
        self.c5 = nn.Linear(400, 120)
        self.f6 = nn.Linear(120, 84)
        self.out = nn.Linear(84, classes)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.c1(x)), 2)
        x = F.max_pool2d(F.relu(self.c3(x)), 2)
        x = torch.flatten(x, 1)
        return self.out(F.relu(self.f6(F.relu(self.c5(x)))))


def bn(channels):
    # Keras' BatchNormalization: epsilon 1e-3, momentum 0.99 (PyTorch counts momentum the other way).
    return nn.BatchNorm2d(channels, eps=1e-3, momentum=0.01)


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = bn(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = bn(cout)
        self.pad = cout - cin
        self.stride = stride

    def forward(self, x):
        y = F.relu(self.bn1(self.conv1(x)))
        y = self.bn2(self.conv2(y))
        s = x[:, :, :: self.stride, :: self.stride] if self.stride > 1 else x
        if self.pad:  # option A: subsample and zero-pad the channels, no parameters
            s = F.pad(s, (0, 0, 0, 0, self.pad // 2, self.pad - self.pad // 2))
        return F.relu(y + s)


class ResNet20(nn.Module):
    def __init__(self, classes=6, n=3):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 16, 3, 1, 1, bias=False)
        self.bn1 = bn(16)
        blocks, cin = [], 16
        for stage, cout in enumerate([16, 32, 64]):
            for i in range(n):
                blocks.append(BasicBlock(cin, cout, 2 if i == 0 and stage > 0 else 1))
                cin = cout
        self.blocks = nn.Sequential(*blocks)
        self.fc = nn.Linear(64, classes)

    def forward(self, x):
        x = self.blocks(F.relu(self.bn1(self.conv1(x))))
        return self.fc(torch.flatten(F.adaptive_avg_pool2d(x, 1), 1))


class VGG11Quarter(nn.Module):
    def __init__(self, classes=6):
        super().__init__()
        cfg = [16, "M", 32, "M", 64, 64, "M", 128, 128, "M", 128, 128, "M"]
        layers, cin = [], 3
        for v in cfg:
            if v == "M":
                layers.append(nn.MaxPool2d(2))
            else:
                layers += [nn.Conv2d(cin, v, 3, padding=1), nn.ReLU(inplace=True)]
                cin = v
        self.features = nn.Sequential(*layers)
        self.classifier = nn.Sequential(nn.Linear(128, 1024), nn.ReLU(inplace=True), nn.Linear(1024, 1024), nn.ReLU(inplace=True), nn.Linear(1024, classes))

    def forward(self, x):
        return self.classifier(torch.flatten(self.features(x), 1))


MODELS = {
    "lenet5": (lambda: LeNet5(10), (1, 32, 32), 10),
    "resnet20": (lambda: ResNet20(6), (3, 32, 32), 6),
    "vgg11-w0.25": (lambda: VGG11Quarter(6), (3, 32, 32), 6),
}


def bench(name, batch, steps, warmup, device):
    make, shape, classes = MODELS[name]
    torch.manual_seed(1)
    model = make().to(device)
    params = sum(p.numel() for p in model.parameters() if p.requires_grad)
    if params != EXPECTED_PARAMS[name]:
        raise SystemExit(f"{name}: {params} trainable parameters, our build has {EXPECTED_PARAMS[name]}")
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    pool = [(torch.rand(batch, *shape, device=device), torch.randint(0, classes, (batch,), device=device)) for _ in range(4)]
    def step(i):
        x, y = pool[i % len(pool)]
        opt.zero_grad(set_to_none=True)
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        opt.step()
        return loss
    for i in range(warmup):
        step(i)
    sync = torch.cuda.synchronize if device.type == "cuda" else (lambda: None)
    sync()
    t0 = time.perf_counter()
    for i in range(steps):
        loss = step(i)
    sync()
    sec = time.perf_counter() - t0
    return {"model": name, "batch": batch, "params": params, "steps": steps, "msPerStep": 1000 * sec / steps,
            "examplesPerSec": steps * batch / sec, "lossAfter": float(loss.item())}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default="torch.json")
    ap.add_argument("--steps", type=int, default=50)
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--batches", default="64,256")
    ap.add_argument("--models", default="lenet5,resnet20,vgg11-w0.25")
    ap.add_argument("--tf32", action="store_true", help="allow TF32 matmuls and convolutions (off: plain float32)")
    ap.add_argument("--cpu", action="store_true", help="run on the CPU (to test this script without a GPU)")
    a = ap.parse_args()
    device = torch.device("cpu" if a.cpu or not torch.cuda.is_available() else "cuda")
    torch.backends.cuda.matmul.allow_tf32 = a.tf32
    torch.backends.cudnn.allow_tf32 = a.tf32
    torch.backends.cudnn.benchmark = True
    name = torch.cuda.get_device_name(device) if device.type == "cuda" else f"CPU ({platform.processor() or platform.machine()})"
    runs = []
    for m in a.models.split(","):
        for b in (int(x) for x in a.batches.split(",")):
            r = bench(m, b, a.steps, a.warmup, device)
            print(f"torch {m:12s} batch {b:4d}: {r['examplesPerSec']:10.1f} ex/s  {r['msPerStep']:8.2f} ms/step  loss {r['lossAfter']:.4f}", flush=True)
            runs.append(r)
    report = {"schema": "cnn-playground/bench-torch@1", "device": name, "torch": torch.__version__, "cuda": torch.version.cuda,
              "tf32": a.tf32, "optimizer": "Adam lr 1e-3, cross-entropy, float32", "runs": runs}
    with open(a.out, "w") as f:
        json.dump(report, f, indent=2)
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
