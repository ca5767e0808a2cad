/*
 * mmreview model of include/linux/pgtable.h, v6.7-rc era mm-unstable
 * (seed 002's base; the full v3 01/15 names index af7639c3b0a3). Not kernel
 * source: only the generic ptep_set_wrprotect(), in our words, read in v6.5
 * (sndrzt/linux-6.5). Seed 002 quotes, after a snip, the last three context
 * lines of the patch's pgtable.h hunk (the opening of the comment that
 * follows, kept here as the patch gives it); the patch adds the generic
 * ptep_set_wrprotects() between the two: ptep_set_wrprotect() on nr
 * consecutive PTEs.
 */

#ifndef __HAVE_ARCH_PTEP_SET_WRPROTECT
struct mm_struct;
/* model: include/linux/pgtable.h ptep_set_wrprotect(), generic version, v6.5; simplified: nothing dropped */
static inline void ptep_set_wrprotect(struct mm_struct *mm, unsigned long address, pte_t *ptep)
{
	/* PTL held: clear the write bit of one PTE. */
	pte_t old_pte = ptep_get(ptep);
	set_pte_at(mm, address, ptep, pte_wrprotect(old_pte));
}
#endif

/*
 * On some architectures hardware does not set page access bit when accessing
 * memory page, it is responsibility of software setting this bit. It brings
 * a cost in extra faults; such arches set the bit on fault instead, and
 * pte_sw_mkyoung() is how the fault paths ask for that (a no-op elsewhere).
 */
#ifndef pte_sw_mkyoung
static inline pte_t pte_sw_mkyoung(pte_t pte)
{
	return pte;
}
#define pte_sw_mkyoung	pte_sw_mkyoung
#endif
