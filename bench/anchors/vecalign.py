# ruff: noqa: UP004, B905, E741  (vendored code kept as upstream wrote it)
"""
Vecalign (Thompson & Koehn, 2019): overlap embeddings + recursive banded DP.

Copyright 2019 Brian Thompson

Licensed under the Apache License, Version 2.0 (the "License");
you may not use this file except in compliance with the License.
You may obtain a copy of the License at

    https://www.apache.org/licenses/LICENSE-2.0

Unless required by applicable law or agreed to in writing, software
distributed under the License is distributed on an "AS IS" BASIS,
WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
See the License for the specific language governing permissions and
limitations under the License.

MODIFIED FILE (notice required by section 4(b) of the License; full text in LICENSE-vecalign):
taken from github.com/thompsonb/vecalign, commit f37262758955133d0c9ef1fdff45eba25842a62c,
files vecalign/dp_utils.py and vecalign/dp_core.pyx. Changes: only the functions the
alignment benchmark calls are kept; the Cython functions of dp_core.pyx (make_dense_costs,
dense_dp, score_path, make_sparse_costs, sparse_dp) are translated line by line to Python and
NumPy (same arithmetic; dot products vectorised over a row), so nothing needs compiling;
logging and timing are removed; `align_vectors` (at the end) is new: it runs `vecalign` with
the defaults of vecalign.py's command line on overlap vectors the caller computes.
"""

from math import ceil

import numpy as np

# ---------------------------------------------------------------- from dp_core.pyx (ported)


def make_x_y_offsets(alignment_types):
    for x, y in alignment_types:
        assert (x > 0)
        assert (y > 0)
    x_offsets = np.array([x for x, y in alignment_types], dtype=np.int32)
    y_offsets = np.array([y for x, y in alignment_types], dtype=np.int32)
    return x_offsets, y_offsets


def make_dense_costs(vecs0, vecs1, norm0, norm1, offset0=0, offset1=0):
    """Full N*M 1-1 cost matrix (vectorised form of the Cython double loop)."""
    sims = vecs0[offset0] @ vecs1[offset1].T
    costs = 2.0 * (1.0 - sims) / (1e-6 + norm0[offset0][:, None] + norm1[offset1][None, :])
    return (costs * (offset0 + 1) * (offset1 + 1)).astype(np.float32)


def dense_dp(alignment_cost, pen):
    size0, size1 = alignment_cost.shape
    csum = np.empty((size0 + 1, size1 + 1), dtype=np.float64)
    bp = np.empty((size0 + 1, size1 + 1), dtype=np.int32)
    cmax, rmax = size1 + 1, size0 + 1
    for c in range(cmax):
        csum[0, c] = c * pen
        bp[0, c] = 1
    for r in range(rmax):
        csum[r, 0] = r * pen
        bp[r, 0] = 2
    csum[0, 0] = 0.0
    bp[0, 0] = 4
    cost = alignment_cost.astype(np.float64).tolist()
    cs = csum.tolist()
    bpl = bp.tolist()
    for c in range(1, cmax):
        for r in range(1, rmax):
            cost0 = cs[r - 1][c - 1] + cost[r - 1][c - 1]
            cost1 = cs[r][c - 1] + pen
            cost2 = cs[r - 1][c] + pen
            best, arg = cost0, 0
            if cost1 < best:
                best, arg = cost1, 1
            if cost2 < best:
                best, arg = cost2, 2
            cs[r][c] = best
            bpl[r][c] = arg
    return np.array(cs), np.array(bpl, dtype=np.int32)


def score_path(xx, yy, norm1, norm2, vecs1, vecs2, out):
    dots = np.einsum("ij,ij->i", vecs1[xx], vecs2[yy])
    out[:] = 2.0 * (1.0 - dots) / (norm1[xx] + norm2[yy])


def make_sparse_costs(vecs0, vecs1, norms0, norms1, x_y_path, alignment_types, width_over2):
    x_y_path_ = np.array(x_y_path).astype(np.int32)
    xsize, ysize = vecs0.shape[1], vecs1.shape[1]
    x_offsets, y_offsets = make_x_y_offsets(alignment_types)
    a_len = x_y_path_.shape[0]
    b_len = 2 * width_over2
    a_b_feats = np.full((len(alignment_types), a_len, b_len), np.inf, dtype=np.float32)
    b_offset = np.empty(a_len, dtype=np.int32)
    for ii in range(a_len):
        x, y = int(x_y_path_[ii, 0]), int(x_y_path_[ii, 1])
        aa, bb = x + y, y
        b_offset[aa] = bb - width_over2
        bb2 = np.arange(bb - width_over2, bb + width_over2)
        xx, yy = aa - bb2, bb2
        ok = (xx >= 0) & (xx < xsize) & (yy >= 0) & (yy < ysize)
        if not ok.any():
            continue
        for ii_align in range(len(x_offsets)):
            xo, yo = int(x_offsets[ii_align]), int(y_offsets[ii_align])
            sumx = np.einsum("ij,ij->i", vecs0[xo - 1, xx[ok]], vecs1[yo - 1, yy[ok]])
            feat = 2.0 * xo * yo * (1.0 - sumx) / (1e-6 + norms0[xo - 1, xx[ok]] + norms1[yo - 1, yy[ok]])
            a_b_feats[ii_align, aa, np.nonzero(ok)[0]] = feat
    return a_b_feats, b_offset


def sparse_dp(a_b_costs, b_offset_in, alignment_types, del_penalty, x_in_size, y_in_size):
    x_offsets, y_offsets = make_x_y_offsets(alignment_types)
    x_offsets = np.concatenate([x_offsets, np.array([0, 1], dtype=np.int32)]).tolist()
    y_offsets = np.concatenate([y_offsets, np.array([1, 0], dtype=np.int32)]).tolist()
    a_in_size, b_in_size = a_b_costs.shape[1], a_b_costs.shape[2]
    a_out_size, b_out_size = a_in_size + 2, b_in_size
    x_out_size, y_out_size = x_in_size + 1, y_in_size + 1
    b_offset_out = np.concatenate([np.array([b_offset_in[0], b_offset_in[0]], dtype=np.int32),
                                   b_offset_in + 1])
    inf = np.inf
    csum = [[inf] * b_in_size for _ in range(a_in_size + 2)]
    xp = [[-2] * b_in_size for _ in range(a_in_size + 2)]
    yp = [[-2] * b_in_size for _ in range(a_in_size + 2)]
    costs = a_b_costs.astype(np.float64).tolist()
    boi = b_offset_in.tolist()
    boo = b_offset_out.tolist()
    num_alignments = len(x_offsets)
    for aa_out in range(a_in_size + 2):
        for bb_out in range(b_in_size):
            yy_out = bb_out + boo[aa_out]
            xx_out = aa_out - yy_out
            if xx_out == 0 and 0 <= yy_out < y_out_size:
                csum[aa_out][bb_out] = del_penalty * yy_out
                xp[aa_out][bb_out] = 0
                yp[aa_out][bb_out] = 1
            elif yy_out == 0 and 0 <= xx_out < x_out_size:
                csum[aa_out][bb_out] = del_penalty * xx_out
                xp[aa_out][bb_out] = 1
                yp[aa_out][bb_out] = 0
            else:
                csum[aa_out][bb_out] = inf
                xp[aa_out][bb_out] = -42
                yp[aa_out][bb_out] = -42
                for ii_align in range(num_alignments):
                    x_offset = x_offsets[ii_align]
                    y_offset = y_offsets[ii_align]
                    xx_in_cost = xx_out - 1
                    yy_in_cost = yy_out - 1
                    xx_out_prev = xx_out - x_offset
                    yy_out_prev = yy_out - y_offset
                    if (0 <= xx_in_cost < x_in_size and 0 <= yy_in_cost < y_in_size
                            and 0 <= xx_out_prev < x_out_size and 0 <= yy_out_prev < y_out_size):
                        aa_in_cost = xx_in_cost + yy_in_cost
                        bb_in_cost = yy_in_cost - boi[aa_in_cost]
                        aa_out_prev = xx_out_prev + yy_out_prev
                        bb_out_prev = yy_out_prev - boo[aa_out_prev]
                        if (0 <= aa_in_cost < a_in_size and 0 <= bb_in_cost < b_in_size
                                and 0 <= aa_out_prev < a_out_size and 0 <= bb_out_prev < b_out_size):
                            if x_offset == 0 or y_offset == 0:
                                alignment_cost = del_penalty
                            else:
                                alignment_cost = costs[ii_align][aa_in_cost][bb_in_cost]
                            total_cost = csum[aa_out_prev][bb_out_prev] + alignment_cost
                            if total_cost < csum[aa_out][bb_out]:
                                csum[aa_out][bb_out] = total_cost
                                xp[aa_out][bb_out] = x_offset
                                yp[aa_out][bb_out] = y_offset
    return (np.array(csum), np.array(xp, dtype=np.int32), np.array(yp, dtype=np.int32), b_offset_out)


# ---------------------------------------------------------------- from dp_utils.py


def layer(lines, num_overlaps, comb=' '):
    """
    make front-padded overlapping sentences
    """
    if num_overlaps < 1:
        raise Exception('num_overlaps must be >= 1')
    out = ['PAD', ] * min(num_overlaps - 1, len(lines))
    for ii in range(len(lines) - num_overlaps + 1):
        out.append(comb.join(lines[ii:ii + num_overlaps]))
    return out


def preprocess_line(line):
    line = line.strip()
    if len(line) == 0:
        line = 'BLANK_LINE'
    return line


def make_norm1(vecs0):
    """
    make vectors norm==1 so that cosine distance can be computed via dot product
    """
    for ii in range(vecs0.shape[0]):
        for jj in range(vecs0.shape[1]):
            norm = np.sqrt(np.square(vecs0[ii, jj, :]).sum())
            vecs0[ii, jj, :] = vecs0[ii, jj, :] / (norm + 1e-5)


class DeletionKnob(object):
    def __init__(self, samp, res_min, res_max):
        self.res_min = res_min
        self.res_max = res_max
        if self.res_min >= self.res_max:
            self.res_max = self.res_min + 1e-4
        num_bins = 1000
        num_pts = 30
        self.hist, self.bin_edges = np.histogram(samp, bins=num_bins,
                                                 range=[self.res_min, self.res_max],
                                                 density=True)
        dx = self.bin_edges[1] - self.bin_edges[0]
        self.cdf = np.cumsum(self.hist) * dx
        interp_points = [(0, self.res_min), ]
        for knob_val in np.linspace(0, 1, num_pts - 1)[1:-1]:
            cdf_idx = np.searchsorted(self.cdf, knob_val)
            cdf_val = self.res_min + cdf_idx / float(num_bins) * (self.res_max - self.res_min)
            interp_points.append((knob_val, cdf_val))
        interp_points.append((1, self.res_max))
        self.x, self.y = zip(*interp_points)

    def percentile_frac_to_del_penalty(self, knob_val):
        del_pen = np.interp([knob_val], self.x, self.y)[0]
        return del_pen


def make_alignment_types(max_alignment_size):
    alignment_types = []
    for x in range(1, max_alignment_size):
        for y in range(1, max_alignment_size):
            if x + y <= max_alignment_size:
                alignment_types.append((x, y))
    return alignment_types


def xy2ab_w_offset(xx, yy, bb_offset):
    aa = xx + yy
    bb_from_side = yy
    bb = bb_from_side - bb_offset[aa]
    return aa, bb


def process_scores(scores, alignments):
    scores = np.clip(scores, a_min=0, a_max=None)
    for ii, (x_algn, y_algn) in enumerate(alignments):
        if len(x_algn) == 0 or len(y_algn) == 0:
            scores[ii] = 0.0
        else:
            scores[ii] = scores[ii] / len(x_algn) / len(y_algn)
    return scores


def sparse_traceback(a_b_csum, a_b_xp, a_b_yp, b_offset, xsize, ysize):
    alignments = []
    xx = xsize
    yy = ysize
    cum_costs = []
    while True:
        aa, bb = xy2ab_w_offset(xx, yy, b_offset)
        cum_costs.append(a_b_csum[aa, bb])
        xp = a_b_xp[aa, bb]
        yp = a_b_yp[aa, bb]
        if xx == yy == 0:
            break
        if xx < 0 or yy < 0:
            raise Exception('traceback bug')
        x_side = list(range(xx - xp, xx))
        y_side = list(range(yy - yp, yy))
        alignments.append((x_side, y_side))
        xx = xx - xp
        yy = yy - yp
    alignments.reverse()
    cum_costs.reverse()
    costs = np.array(cum_costs[1:]) - np.array(cum_costs[:-1])
    scores = process_scores(scores=costs, alignments=alignments)
    return alignments, scores


def dense_traceback(x_y_tb):
    xsize, ysize = x_y_tb.shape
    xx = xsize - 1
    yy = ysize - 1
    alignments = []
    while True:
        if xx == yy == 0:
            break
        bp = x_y_tb[xx, yy]
        if bp == 0:
            xp, yp = 1, 1
            alignments.append(([xx - 1], [yy - 1]))
        elif bp == 1:
            xp, yp = 0, 1
            alignments.append(([], [yy - 1]))
        elif bp == 2:
            xp, yp = 1, 0
            alignments.append(([xx - 1], []))
        else:
            raise Exception('got unknown value')
        xx = xx - xp
        yy = yy - yp
    alignments.reverse()
    return alignments


def append_slant(path, xwidth, ywidth):
    NN = xwidth + ywidth
    xstart, ystart = path[-1]
    for ii in range(1, NN + 1):
        x = xstart + round(xwidth * ii / NN)
        y = ystart + round(ywidth * ii / NN)
        lastx, lasty = path[-1]
        delta = x + y - lastx - lasty
        if delta == 1:
            path.append((x, y))
        elif delta == 2:
            path.append((x - 1, y))
        elif delta == 0:
            path.append((x + 1, y))


def alignment_to_search_path(algn):
    path = [(0, 0), ]
    xdel, ydel = 0, 0
    for x, y in algn:
        if len(x) and len(y):
            append_slant(path, xdel, ydel)
            xdel, ydel = 0, 0
            append_slant(path, len(x), len(y))
        elif len(x):
            xdel += len(x)
        elif len(y):
            ydel += len(y)
    append_slant(path, xdel, ydel)
    return path


def extend_alignments(coarse_alignments, size0, size1):
    xmax = 0
    ymax = 0
    for x, y in coarse_alignments:
        for xval in x:
            xmax = max(xmax, xval)
        for yval in y:
            ymax = max(ymax, yval)
    if xmax > size0 or ymax > size1:
        raise Exception('asked to extend alignments but already bigger than requested')
    extra_x = list(range(xmax + 1, size0 + 1))
    extra_y = list(range(ymax + 1, size1 + 1))
    if len(extra_x) == 0:
        for yval in extra_y:
            coarse_alignments.append(([], [yval]))
    elif len(extra_y) == 0:
        for xval in extra_x:
            coarse_alignments.append(([xval], []))
    else:
        coarse_alignments.append((extra_x, extra_y))


def upsample_alignment(algn):
    def upsample_one_alignment(xx):
        return list(range(min(xx) * 2, (max(xx) + 1) * 2))

    new_algn = []
    for xx, yy in algn:
        if len(xx) == 0:
            for yyy in upsample_one_alignment(yy):
                new_algn.append(([], [yyy]))
        elif len(yy) == 0:
            for xxx in upsample_one_alignment(xx):
                new_algn.append(([xxx], []))
        else:
            new_algn.append((upsample_one_alignment(xx), upsample_one_alignment(yy)))
    return new_algn


def make_del_knob(e_laser, f_laser, e_laser_norms, f_laser_norms, sample_size):
    e_size = e_laser.shape[0]
    f_size = f_laser.shape[0]
    if e_size > 0 and f_size > 0 and sample_size > 0:
        if e_size * f_size < sample_size:
            sample_size = e_size * f_size
            x_idxs = np.zeros(sample_size, dtype=np.int32)
            y_idxs = np.zeros(sample_size, dtype=np.int32)
            c = 0
            for ii in range(e_size):
                for jj in range(f_size):
                    x_idxs[c] = ii
                    y_idxs[c] = jj
                    c += 1
        else:
            x_idxs = np.random.choice(range(e_size), size=sample_size, replace=True).astype(np.int32)
            y_idxs = np.random.choice(range(f_size), size=sample_size, replace=True).astype(np.int32)
        random_scores = np.empty(sample_size, dtype=np.float32)
        score_path(x_idxs, y_idxs, e_laser_norms, f_laser_norms, e_laser, f_laser, random_scores, )
        min_score = 0
        max_score = max(random_scores)
    else:
        random_scores = np.array([0.0, 0.5, 1.0])
        min_score = 0
        max_score = 1
    del_knob = DeletionKnob(random_scores, min_score, max_score)
    return del_knob


def compute_norms(vecs0, vecs1, num_samples, overlaps_to_use=None):
    overlaps1, size1, dim = vecs1.shape
    overlaps0, size0, dim0 = vecs0.shape
    assert (dim == dim0)
    if overlaps_to_use is not None:
        if overlaps_to_use > overlaps1:
            raise Exception('Cannot use more overlaps than provided.')
    else:
        overlaps_to_use = overlaps1
    samps_per_overlap = ceil(num_samples / overlaps_to_use)
    if size1 and samps_per_overlap:
        vecs1_rand_sample = np.empty((samps_per_overlap * overlaps_to_use, dim), dtype=np.float32)
        for overlap_ii in range(overlaps_to_use):
            idxs = np.random.choice(range(size1), size=samps_per_overlap, replace=True)
            random_vecs = vecs1[overlap_ii, idxs, :]
            vecs1_rand_sample[overlap_ii * samps_per_overlap:(overlap_ii + 1) * samps_per_overlap, :] = random_vecs
        norms0 = np.empty((overlaps0, size0), dtype=np.float32)
        for overlap_ii in range(overlaps0):
            e_laser = vecs0[overlap_ii, :, :]
            sim = np.matmul(e_laser, vecs1_rand_sample.T)
            norms0[overlap_ii, :] = 1.0 - sim.mean(axis=1)
    else:
        norms0 = np.ones((overlaps0, size0)).astype(np.float32)
    return norms0


def downsample_vectors(vecs1):
    a, b, c = vecs1.shape
    half = np.empty((a, b // 2, c), dtype=np.float32)
    for ii in range(a):
        for jj in range(0, b - b % 2, 2):
            v1 = vecs1[ii, jj, :]
            v2 = vecs1[ii, jj + 1, :]
            half[ii, jj // 2, :] = v1 + v2
        mean = np.mean(half[ii, :, :], axis=0)
        for jj in range(0, b - b % 2, 2):
            half[ii, jj // 2, :] = half[ii, jj // 2, :] - mean
    make_norm1(half)
    return half


def vecalign(vecs0, vecs1, final_alignment_types, del_percentile_frac, width_over2, max_size_full_dp,
             costs_sample_size, num_samps_for_norm, norms0=None, norms1=None):
    if width_over2 < 3:
        width_over2 = 3
    make_norm1(vecs0)
    make_norm1(vecs1)
    s0, s1 = vecs0.shape[1], vecs1.shape[1]
    max_depth = 0
    while s0 * s1 > max_size_full_dp ** 2:
        max_depth += 1
        s0 = s0 // 2
        s1 = s1 // 2
    stack = {0: {'v0': vecs0, 'v1': vecs1}}
    for depth in range(1, max_depth + 1):
        stack[depth] = {'v0': downsample_vectors(stack[depth - 1]['v0']),
                        'v1': downsample_vectors(stack[depth - 1]['v1'])}
    for depth in stack:
        stack[depth]['size0'] = stack[depth]['v0'].shape[1]
        stack[depth]['size1'] = stack[depth]['v1'].shape[1]
        stack[depth]['alignment_types'] = final_alignment_types if depth == 0 else [(1, 1)]
        if depth == 0 and norms0 is not None:
            stack[depth]['n0'] = norms0
        else:
            stack[depth]['n0'] = compute_norms(stack[depth]['v0'], stack[depth]['v1'], num_samps_for_norm)
        if depth == 0 and norms1 is not None:
            stack[depth]['n1'] = norms1
        else:
            stack[depth]['n1'] = compute_norms(stack[depth]['v1'], stack[depth]['v0'], num_samps_for_norm)
    for depth in stack:
        stack[depth]['del_knob'] = make_del_knob(e_laser=stack[depth]['v0'][0, :, :],
                                                 f_laser=stack[depth]['v1'][0, :, :],
                                                 e_laser_norms=stack[depth]['n0'][0, :],
                                                 f_laser_norms=stack[depth]['n1'][0, :],
                                                 sample_size=costs_sample_size)
        stack[depth]['del_penalty'] = stack[depth]['del_knob'].percentile_frac_to_del_penalty(del_percentile_frac)
    stack[max_depth]['costs_1to1'] = make_dense_costs(stack[max_depth]['v0'], stack[max_depth]['v1'],
                                                      stack[max_depth]['n0'], stack[max_depth]['n1'])
    _, stack[max_depth]['x_y_tb'] = dense_dp(stack[max_depth]['costs_1to1'], stack[max_depth]['del_penalty'])
    stack[max_depth]['alignments'] = dense_traceback(stack[max_depth]['x_y_tb'])
    upsample_depths = [0, ] if max_depth == 0 else list(reversed(range(0, max_depth)))
    for depth in upsample_depths:
        if max_depth > 0:
            coarse_alignments = upsample_alignment(stack[depth + 1]['alignments'])
            extend_alignments(coarse_alignments, stack[depth]['size0'], stack[depth]['size1'])
        else:
            coarse_alignments = stack[0]['alignments']
        stack[depth]['searchpath'] = alignment_to_search_path(coarse_alignments)
        stack[depth]['a_b_costs'], stack[depth]['b_offset'] = make_sparse_costs(
            stack[depth]['v0'], stack[depth]['v1'], stack[depth]['n0'], stack[depth]['n1'],
            stack[depth]['searchpath'], stack[depth]['alignment_types'], width_over2)
        stack[depth]['a_b_csum'], stack[depth]['a_b_xp'], stack[depth]['a_b_yp'], \
            stack[depth]['new_b_offset'] = sparse_dp(stack[depth]['a_b_costs'], stack[depth]['b_offset'],
                                                     stack[depth]['alignment_types'], stack[depth]['del_penalty'],
                                                     stack[depth]['size0'], stack[depth]['size1'])
        akey = 'final_alignments' if depth == 0 else 'alignments'
        stack[depth][akey], stack[depth]['alignment_scores'] = sparse_traceback(
            stack[depth]['a_b_csum'], stack[depth]['a_b_xp'], stack[depth]['a_b_yp'],
            stack[depth]['new_b_offset'], stack[depth]['size0'], stack[depth]['size1'])
    return stack


# ---------------------------------------------------------------- new: the benchmark's entry point

ALIGNMENT_MAX_SIZE = 4  # vecalign.py's default (-a 4): beads up to 1-3, 2-2, 3-1
NUM_OVERLAPS = ALIGNMENT_MAX_SIZE - 1  # the largest side of any bead searched


def overlap_texts(lines, num_overlaps=NUM_OVERLAPS):
    """Every overlap string `make_doc_embedding` needs (layers 1..num_overlaps), by layer."""
    lines = [preprocess_line(line) for line in lines]
    return [layer(lines, k) for k in range(1, num_overlaps + 1)]


def align_vectors(src_layers, tgt_layers, seed=42):
    """Vecalign on overlap vectors (num_overlaps, n, dim) with vecalign.py's default settings:
    -a 4, -d 0.2, --search_buffer_size 5, --max_size_full_dp 300, --costs_sample_size 20000,
    --num_samps_for_norm 100. Returns [(src indices, tgt indices), ...]."""
    np.random.seed(seed)  # vecalign.py seeds numpy with 42 before aligning
    vecs0 = np.array(src_layers, dtype=np.float32)
    vecs1 = np.array(tgt_layers, dtype=np.float32)
    width_over2 = ceil(ALIGNMENT_MAX_SIZE / 2.0) + 5
    stack = vecalign(vecs0=vecs0, vecs1=vecs1, final_alignment_types=make_alignment_types(ALIGNMENT_MAX_SIZE),
                     del_percentile_frac=0.2, width_over2=width_over2, max_size_full_dp=300,
                     costs_sample_size=20000, num_samps_for_norm=100)
    return stack[0]['final_alignments']
