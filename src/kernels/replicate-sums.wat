;; The dense blocks of the bootstrap's replicate sums (see replicate-sums.ts): for replicates b in
;; [0, blocked) and fields f in [0, denseWidth), both multiples of 4,
;;
;;   out[b·width + f] = Σ_t W[b, occupied[t]] · sums[occupied[t]·width + f]   (t ascending, from +0)
;;
;; 4 replicates × 4 fields at a time in 8 two-lane accumulators, so each loaded pair of sums serves
;; 4 replicates. Every lane does one multiply and one add per bucket, in bucket order, exactly as the
;; scalar loop: the bits are the same.
;;
;; Pointers are byte offsets into the exported memory:
;;   sums      float64 × BUCKETS·width
;;   occupied  int32 × n, the occupied buckets, ascending
;;   weights   uint8 × blocked·1024, W[b, j] at b·1024 + j
;;   block     float64 × 4n scratch: the 4 current replicates' weights of each occupied bucket
;;   out       float64 × blocked·width
(module
  (memory (export "memory") 1)
  (func (export "sumDenseBlocks")
    (param $sums i32) (param $width i32) (param $occupied i32) (param $n i32)
    (param $weights i32) (param $blocked i32) (param $denseWidth i32)
    (param $block i32) (param $out i32)
    (local $b i32) (local $f i32) (local $t i32) (local $row i32) (local $j i32)
    (local $p i32) (local $q i32) (local $s i32) (local $o i32) (local $stride i32) (local $end i32)
    (local $k v128) (local $v01 v128) (local $v23 v128)
    (local $a01 v128) (local $a23 v128) (local $b01 v128) (local $b23 v128)
    (local $c01 v128) (local $c23 v128) (local $d01 v128) (local $d23 v128)
    (local.set $stride (i32.shl (local.get $width) (i32.const 3)))
    (local.set $end (i32.add (local.get $block) (i32.shl (local.get $n) (i32.const 5))))
    (block $replicatesDone
      (loop $replicates
        (br_if $replicatesDone (i32.ge_u (local.get $b) (local.get $blocked)))
        ;; the weights of replicates b … b + 3 for each occupied bucket, as float64
        (local.set $row (i32.add (local.get $weights) (i32.shl (local.get $b) (i32.const 10))))
        (local.set $p (local.get $block))
        (local.set $q (local.get $occupied))
        (block $gatherDone
          (loop $gather
            (br_if $gatherDone (i32.ge_u (local.get $p) (local.get $end)))
            (local.set $j (i32.add (local.get $row) (i32.load (local.get $q))))
            (f64.store offset=0 (local.get $p) (f64.convert_i32_u (i32.load8_u offset=0 (local.get $j))))
            (f64.store offset=8 (local.get $p) (f64.convert_i32_u (i32.load8_u offset=1024 (local.get $j))))
            (f64.store offset=16 (local.get $p) (f64.convert_i32_u (i32.load8_u offset=2048 (local.get $j))))
            (f64.store offset=24 (local.get $p) (f64.convert_i32_u (i32.load8_u offset=3072 (local.get $j))))
            (local.set $p (i32.add (local.get $p) (i32.const 32)))
            (local.set $q (i32.add (local.get $q) (i32.const 4)))
            (br $gather)))
        (local.set $o (i32.add (local.get $out) (i32.mul (local.get $b) (local.get $stride))))
        (local.set $f (i32.const 0))
        (block $fieldsDone
          (loop $fields
            (br_if $fieldsDone (i32.ge_u (local.get $f) (local.get $denseWidth)))
            (local.set $a01 (v128.const f64x2 0 0))
            (local.set $a23 (v128.const f64x2 0 0))
            (local.set $b01 (v128.const f64x2 0 0))
            (local.set $b23 (v128.const f64x2 0 0))
            (local.set $c01 (v128.const f64x2 0 0))
            (local.set $c23 (v128.const f64x2 0 0))
            (local.set $d01 (v128.const f64x2 0 0))
            (local.set $d23 (v128.const f64x2 0 0))
            (local.set $s (i32.add (local.get $sums) (i32.shl (local.get $f) (i32.const 3))))
            (local.set $p (local.get $block))
            (local.set $q (local.get $occupied))
            (block $bucketsDone
              (loop $buckets
                (br_if $bucketsDone (i32.ge_u (local.get $p) (local.get $end)))
                (local.set $t (i32.add (local.get $s) (i32.mul (i32.load (local.get $q)) (local.get $stride))))
                (local.set $v01 (v128.load offset=0 (local.get $t)))
                (local.set $v23 (v128.load offset=16 (local.get $t)))
                (local.set $k (v128.load64_splat offset=0 (local.get $p)))
                (local.set $a01 (f64x2.add (local.get $a01) (f64x2.mul (local.get $k) (local.get $v01))))
                (local.set $a23 (f64x2.add (local.get $a23) (f64x2.mul (local.get $k) (local.get $v23))))
                (local.set $k (v128.load64_splat offset=8 (local.get $p)))
                (local.set $b01 (f64x2.add (local.get $b01) (f64x2.mul (local.get $k) (local.get $v01))))
                (local.set $b23 (f64x2.add (local.get $b23) (f64x2.mul (local.get $k) (local.get $v23))))
                (local.set $k (v128.load64_splat offset=16 (local.get $p)))
                (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $k) (local.get $v01))))
                (local.set $c23 (f64x2.add (local.get $c23) (f64x2.mul (local.get $k) (local.get $v23))))
                (local.set $k (v128.load64_splat offset=24 (local.get $p)))
                (local.set $d01 (f64x2.add (local.get $d01) (f64x2.mul (local.get $k) (local.get $v01))))
                (local.set $d23 (f64x2.add (local.get $d23) (f64x2.mul (local.get $k) (local.get $v23))))
                (local.set $p (i32.add (local.get $p) (i32.const 32)))
                (local.set $q (i32.add (local.get $q) (i32.const 4)))
                (br $buckets)))
            (local.set $t (i32.add (local.get $o) (i32.shl (local.get $f) (i32.const 3))))
            (v128.store offset=0 (local.get $t) (local.get $a01))
            (v128.store offset=16 (local.get $t) (local.get $a23))
            (local.set $t (i32.add (local.get $t) (local.get $stride)))
            (v128.store offset=0 (local.get $t) (local.get $b01))
            (v128.store offset=16 (local.get $t) (local.get $b23))
            (local.set $t (i32.add (local.get $t) (local.get $stride)))
            (v128.store offset=0 (local.get $t) (local.get $c01))
            (v128.store offset=16 (local.get $t) (local.get $c23))
            (local.set $t (i32.add (local.get $t) (local.get $stride)))
            (v128.store offset=0 (local.get $t) (local.get $d01))
            (v128.store offset=16 (local.get $t) (local.get $d23))
            (local.set $f (i32.add (local.get $f) (i32.const 4)))
            (br $fields)))
        (local.set $b (i32.add (local.get $b) (i32.const 4)))
        (br $replicates)))))
